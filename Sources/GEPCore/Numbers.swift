import Foundation

// Two small number rules shared by every target: how a number reads in a message, and when a ratio exists.

/// A number for messages and explanations: six significant figures and no float noise ("-1000", "0.0038432",
/// "1.75e+06"), so that a message reads the same on every run.
///
/// The same text as `String(format: "%.6g", value)`, which it falls back to for magnitudes beyond 10⁻¹⁷…10²⁷ and for
/// values the fast path cannot round exactly: warnings carry numbers for every unit of a large account.
public func sixFigures(_ value: Double) -> String {
    let magnitude = abs(value)
    guard value.isFinite, magnitude > 0 else { return String(format: "%.6g", value) }
    let exponent = Int(log10(magnitude).rounded(.down))
    // Six significant figures: the magnitude scaled by an exact power of ten (10⁰–10²²) so its first digit is the
    // 10⁵ place, and rounded; a rounding that carries into a seventh digit (999 999.5) goes to the formatter. Worked
    // in integers, not text: a large account formats two warnings a unit.
    let shift = 5 - exponent
    guard abs(shift) <= 22,
          var digits = scaledRounded(shift >= 0 ? magnitude * exactPowerOfTen(shift) : magnitude / exactPowerOfTen(-shift), decimals: 0),
          (100_000..<1_000_000).contains(digits) else {
        return String(format: "%.6g", value)
    }
    // %.6g writes exponents −4…5 positionally and the others as d.ddddde±XX, trailing zeros dropped in both.
    let positional = (-4...5).contains(exponent)
    var decimals = positional ? shift : 5
    while decimals > 0, digits % 10 == 0 {
        digits /= 10
        decimals -= 1
    }
    let text = (value.sign == .minus ? "-" : "") + decimalText(digits, decimals: decimals)
    guard !positional else { return text }
    let power = String(abs(exponent))
    return text + (exponent < 0 ? "e-" : "e+") + (power.count < 2 ? "0" : "") + power
}

/// 10ⁿ for n in 0...22, exactly (every such power is a double).
private func exactPowerOfTen(_ n: Int) -> Double {
    var power = 1.0
    for _ in 0..<n { power *= 10 }
    return power
}

/// `value` rounded to `decimals` places, as `String(format: "%.<decimals>f", value)` writes it, or nil where the
/// fast path cannot be sure of the rounding (see ``scaledRounded(_:decimals:)``). `String(format:)` goes through
/// Foundation's formatter and costs about a microsecond.
package func fixedDecimal(_ value: Double, decimals: Int) -> String? {
    guard value.isFinite, let digits = scaledRounded(abs(value), decimals: decimals) else { return nil }
    return (value.sign == .minus ? "-" : "") + decimalText(digits, decimals: decimals)
}

/// `String(format: "%.<decimals>f", value)`, through ``fixedDecimal(_:decimals:)`` where it is sure of the rounding:
/// schemes explain every unit's share with one.
public func fixedPoint(_ value: Double, decimals: Int) -> String {
    fixedDecimal(value, decimals: decimals) ?? String(format: "%.\(decimals)f", value)
}

/// |value|·10^decimals rounded to the nearest integer, or nil where that rounding may differ from the exact
/// decimal's: more than 15 places, a scaled value of 10¹² or more (where the product's own rounding error could
/// reach the digit kept), or a scaled value within 10⁻³ of a tie.
private func scaledRounded(_ magnitude: Double, decimals: Int) -> UInt64? {
    guard (0...15).contains(decimals) else { return nil }
    let scaled = magnitude * exactPowerOfTen(decimals)
    guard scaled < 1e12 else { return nil }
    let whole = scaled.rounded(.down)
    let fraction = scaled - whole
    guard abs(fraction - 0.5) > 1e-3 else { return nil }
    return UInt64(fraction > 0.5 ? whole + 1 : whole)
}

/// `digits`·10^−decimals in positional notation: (12345, 2) → "123.45", (5, 3) → "0.005".
private func decimalText(_ digits: UInt64, decimals: Int) -> String {
    var power: UInt64 = 1
    for _ in 0..<decimals { power *= 10 }
    guard decimals > 0 else { return String(digits) }
    let fraction = String(digits % power)
    return String(digits / power) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
}

/// "12.3400" → "12.34", "7.000" → "7"; text without a decimal point is returned as it is.
package func trimmingFractionZeros(_ text: String) -> String {
    let bytes = text.utf8
    guard bytes.contains(UInt8(ascii: ".")) else { return text }
    var end = bytes.endIndex
    while bytes[bytes.index(before: end)] == UInt8(ascii: "0") { end = bytes.index(before: end) }
    if bytes[bytes.index(before: end)] == UInt8(ascii: ".") { end = bytes.index(before: end) }
    return String(text[..<end])
}

/// a ÷ b where it means something: nil when b is not positive or the quotient is not finite (GEP per km² of a unit
/// of no area, per capita with no residents, GEP over a GDP of 5·10⁻³²⁴ 元), so a report leaves the figure out
/// instead of printing inf or nan.
public func finiteRatio(_ a: Double, _ b: Double) -> Double? {
    let value = a / b
    return b > 0 && value.isFinite ? value : nil
}
