import Foundation

// Two small number rules shared by every target: how a number reads in a message, and when a ratio exists.

/// A number for messages and explanations: six significant figures and no float noise ("-1000", "0.0038432",
/// "1.75e+06"), so that a message reads the same on every run.
public func sixFigures(_ value: Double) -> String { String(format: "%.6g", value) }

/// a ÷ b where it means something: nil when b is not positive or the quotient is not finite (GEP per km² of a unit
/// of no area, per capita with no residents, GEP over a GDP of 5·10⁻³²⁴ 元), so a report leaves the figure out
/// instead of printing inf or nan.
public func finiteRatio(_ a: Double, _ b: Double) -> Double? {
    let value = a / b
    return b > 0 && value.isFinite ? value : nil
}
