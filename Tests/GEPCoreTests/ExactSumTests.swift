import Foundation
import GEPCore
import Testing

/// ``ExactSum`` gives the correctly rounded sum whatever the order and grouping: values from Python's `math.fsum`,
/// and sums of multiples of 2⁻²⁰ checked against integer arithmetic.
@Suite("Exact sums")
struct ExactSumTests {
    @Test("cases where plain addition loses: Python's math.fsum gives these")
    func handWorked() {
        // math.fsum([1e16, 1, 1]) == 1.0000000000000002e16; plain addition gives 1e16.
        #expect(ExactSum([1e16, 1, 1]).value == 1.0000000000000002e16)
        #expect([1e16, 1, 1].reduce(0, +) == 1e16)
        // math.fsum([0.1] * 10) == 1.0; plain addition gives 0.9999999999999999.
        #expect(ExactSum(Array(repeating: 0.1, count: 10)).value == 1.0)
        #expect(ExactSum([1e100, 1, -1e100]).value == 1)
        // A tie broken by the partial below it: math.fsum([1, 1e-16, 1e-16]) == 1.0000000000000002.
        #expect(ExactSum([1, 1e-16, 1e-16]).value == 1.0000000000000002)
        // A true tie rounds to even: 1 + 2⁻⁵³ is halfway between 1 and 1 + 2⁻⁵²; math.fsum gives 1.0.
        #expect(ExactSum([1, 0x1p-53]).value == 1)
        #expect(ExactSum().value == 0 && ExactSum([]).partials.isEmpty)
    }

    @Test("non-finite addends and overflow are the value, never a silent finite number")
    func nonFinite() {
        #expect(ExactSum([1, .infinity, 2]).value == .infinity)
        #expect(ExactSum([.infinity, -.infinity]).value.isNaN)
        #expect(ExactSum([.greatestFiniteMagnitude, .greatestFiniteMagnitude]).value == .infinity)
        var sum = ExactSum([1])
        sum.add(ExactSum([.nan]))
        #expect(sum.value.isNaN)
    }

    @Test("any order and grouping of large values, their negatives and small multiples of 2⁻²⁰ gives the small ones' integer sum exactly")
    func orderAndGrouping() throws {
        var generator = SeededGenerator(seed: 46869)
        // 500 doubles of full precision up to 10¹², each with its negative, cancel exactly; 1000 small multiples of
        // 2⁻²⁰ remain, whose sum integer arithmetic gives. Plain addition loses the small ones under the large.
        let large = (0..<500).map { _ in Double.random(in: -1e12...1e12, using: &generator) }
        let numerators = (0..<1000).map { _ in Int64(generator.next() % 8192) - 4096 }
        let addends = large + large.map { -$0 } + numerators.map { Double($0) * 0x1p-20 }
        let expected = Double(numerators.reduce(0, +)) * 0x1p-20
        var differs = false
        for _ in 0..<20 {
            var shuffled = addends
            shuffled.shuffle(using: &generator)
            let cut = Int(generator.next() % UInt64(shuffled.count))
            var grouped = ExactSum(shuffled[..<cut])
            grouped.add(ExactSum(shuffled[cut...]))
            #expect(grouped.value == expected)
            #expect(ExactSum(shuffled).value == expected)
            differs = differs || shuffled.reduce(0, +) != expected
        }
        #expect(differs, "plain addition of the same numbers misses, so the property above could fail")
    }

    @Test("JSON keeps every partial, and any list of numbers decodes to its exact sum")
    func codable() throws {
        let sum = ExactSum([1e16, 1, 1, 0.1, 5e-324, -3.7e-200])
        let decoded = try JSONDecoder().decode(ExactSum.self, from: try JSONEncoder().encode(sum))
        #expect(decoded == sum && decoded.value == sum.value)
        let unnormalised = try JSONDecoder().decode(ExactSum.self, from: Data("[1, 1e16, 1]".utf8))
        #expect(unnormalised.value == 1.0000000000000002e16)
    }
}
