import Foundation

// Two small number rules shared by every target: how a number reads in a message, and when a ratio exists.

/// A number for messages and explanations: six significant figures and no float noise ("-1000", "0.0038432",
/// "1.75e+06"), so that a message reads the same on every run.
///
/// The same text as `String(format: "%.6g", value)`, which it falls back to for exponent forms and for values the fast
/// path cannot round exactly: warnings carry numbers for every unit of a large account.
public func sixFigures(_ value: Double) -> String {
    let magnitude = abs(value)
    guard value.isFinite, magnitude > 0 else { return String(format: "%.6g", value) }
    let exponent = Int(log10(magnitude).rounded(.down))
    guard (-4...5).contains(exponent), let fixed = fixedDecimal(value, decimals: 5 - exponent),
          fixed.utf8.drop(while: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") })
              .filter({ $0 != UInt8(ascii: ".") }).count == 6 else {
        return String(format: "%.6g", value)
    }
    return trimmingFractionZeros(fixed)
}

/// `value` rounded to `decimals` places, as `String(format: "%.<decimals>f", value)` writes it, or nil where the
/// fast path cannot be sure of the rounding: more than 15 places, |value|·10^decimals of 10¹² or more (where the
/// scaled product's own rounding error could reach the digit kept), or a scaled value within 10⁻³ of a tie.
/// `String(format:)` goes through Foundation's formatter and costs about a microsecond.
package func fixedDecimal(_ value: Double, decimals: Int) -> String? {
    guard value.isFinite, (0...15).contains(decimals) else { return nil }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }  // exact: powers of ten up to 10²² are doubles
    let scaled = abs(value) * scale
    guard scaled < 1e12 else { return nil }
    let whole = scaled.rounded(.down)
    let fraction = scaled - whole
    guard abs(fraction - 0.5) > 1e-3 else { return nil }
    var digits = String(UInt64(fraction > 0.5 ? whole + 1 : whole))
    if decimals > 0 {
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return value.sign == .minus ? "-" + digits : digits
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
