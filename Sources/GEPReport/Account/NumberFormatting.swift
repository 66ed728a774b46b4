import Foundation
import GEPCore

/// A number for people: up to `significant` significant figures, no exponent for everyday magnitudes, no trailing
/// zeros ("1234.5", "0.0038", "7.06").
public func formatNumber(_ value: Double, significant: Int = 6) -> String {
    guard value.isFinite else { return String(value) }
    guard value != 0 else { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e15 || magnitude < 1e-6 { return String(format: "%.\(significant - 1)e", value) }
    let decimals = max(0, significant - 1 - Int(floor(log10(magnitude))))
    return trimmingFractionZeros(fixedPoint(value, decimals: decimals))
}

/// An amount with a Chinese magnitude prefix, as GEP reports print them: "36.80 亿m³", "1.25 万t", "812 m³".
/// Uses 亿 (10⁸) from 10⁸ up, 万 (10⁴) from 10⁴ up, and two decimals with a prefix.
public func formatAmount(_ value: Double, unit: String) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e8 { return String(format: "%.2f 亿%@", value / 1e8, unit) }
    if magnitude >= 1e4 { return String(format: "%.2f 万%@", value / 1e4, unit) }
    return "\(formatNumber(value, significant: 4)) \(unit)"
}

/// Amounts that share a chart axis or a column, each with the one magnitude prefix (亿, 万 or none) that
/// ``formatAmount(_:unit:)`` gives the largest of them, so that 万t and t are never read against each other.
public func formatAmounts(_ values: [Double], unit: String) -> [String] {
    let largest = values.map(abs).max() ?? 0
    let (divisor, prefix) = largest >= 1e8 ? (1e8, "亿") : largest >= 1e4 ? (1e4, "万") : (1, "")
    return values.map { divisor == 1 ? "\(formatNumber($0, significant: 4)) \(unit)" : String(format: "%.2f %@%@", $0 / divisor, prefix, unit) }
}

/// Yuan in 亿元 with two decimals, the unit of GEP tables: "333.58"; past 10¹⁵ 亿元, in exponent form ("1.2346e+300"),
/// so that a huge draw does not print three hundred digits.
public func hundredMillionYuan(_ yuan: Double) -> String {
    abs(yuan / 1e8) < 1e15 ? String(format: "%.2f", yuan / 1e8) : String(format: "%.4e", yuan / 1e8)
}
