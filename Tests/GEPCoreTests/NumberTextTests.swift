import Foundation
@testable import GEPCore
import Testing

/// The fast number texts write exactly what `String(format:)` writes, over every magnitude, sign and rounding tie.
@Suite("Number texts")
struct NumberTextTests {
    /// Values across 10⁻⁸…10¹⁴ with random mantissas, exact ties (x.5 and x.x5 at several scales), values that round
    /// up into the next power of ten, and negative values that round to zero.
    static let values: [Double] = {
        var generator = SeededGenerator(seed: 46869)
        var values: [Double] = [0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 999_999.5, 999_999.4, 9.999995, 0.000099999995,
                                -0.0001, -0.004, 450, 1e-5, 123_456.5, 0.1 + 0.2, 7.06, 4.4, 291.6, -1000, 1.75e6]
        for _ in 0..<20_000 {
            let mantissa = Double.random(in: 1..<10, using: &generator)
            let exponent = Int.random(in: -8...14, using: &generator)
            let sign: Double = Bool.random(using: &generator) ? 1 : -1
            values.append(sign * mantissa * pow(10, Double(exponent)))
            values.append(sign * (mantissa * 1000).rounded() / 1000 * pow(10, Double(exponent % 4)))
            // Exponent forms far out (the fast path scales by exact powers of ten up to 10²², the formatter the rest).
            values.append(sign * (mantissa * 1e5).rounded() / 1e5 * pow(10, Double(Int.random(in: -40...40, using: &generator))))
        }
        values += [1e22, 9.999995e7, 9.9999949e7, 1.5e-5, 1e-5 * 0.9999995, 2.5e10, 1.234565e12, 5e-324, 1.7976931348623157e308]
        return values
    }()

    @Test("sixFigures is %.6g")
    func sixFiguresMatchesPrintf() {
        let mismatches = Self.values.filter { sixFigures($0) != String(format: "%.6g", $0) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { "\($0): \(sixFigures($0)) vs \(String(format: "%.6g", $0))" })")
    }

    @Test("fixedDecimal is %.<n>f where it answers, and answers for everyday figures")
    func fixedDecimalMatchesPrintf() {
        var answered = 0, total = 0
        for value in Self.values {
            for decimals in [0, 1, 2, 3, 5, 8] {
                total += 1
                guard let fast = fixedDecimal(value, decimals: decimals) else { continue }
                answered += 1
                #expect(fast == String(format: "%.\(decimals)f", value), "\(value) to \(decimals) places")
            }
        }
        #expect(Double(answered) > 0.6 * Double(total), "\(answered) of \(total)")
        #expect(fixedDecimal(2.5, decimals: 0) == nil, "an exact tie is left to printf's rounding")
        #expect(fixedDecimal(-0.004, decimals: 2) == "-0.00")
        #expect(trimmingFractionZeros("12.3400") == "12.34" && trimmingFractionZeros("7.000") == "7" && trimmingFractionZeros("100") == "100")
    }
}
