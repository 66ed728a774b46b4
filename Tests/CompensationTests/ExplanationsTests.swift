import Compensation
import Foundation
import Synchronization
import Testing

@Suite("Explanations made when read")
struct ExplanationsTests {
    /// Nothing is made until a line is read, and each read makes that line alone.
    @Test func linesAreMadeWhenRead() {
        let made = Atomic<Int>(0)
        let lines = Explanations(count: 4) { i in
            made.add(1, ordering: .relaxed)
            return "line \(i)"
        }
        #expect(made.load(ordering: .relaxed) == 0)
        #expect(lines.count == 4 && lines[2] == "line 2")
        #expect(made.load(ordering: .relaxed) == 1)
        #expect(Array(lines) == ["line 0", "line 1", "line 2", "line 3"])
    }

    /// Equal to, and encoded as, the array of its lines: a report's JSON is unchanged.
    @Test func equalAndEncodedAsItsLines() throws {
        let made = Explanations(count: 2) { ["a, b", "c \"d\""][$0] }
        #expect(made == Explanations(["a, b", "c \"d\""]))
        #expect(made != Explanations(["a, b", "c"]))
        #expect(made != Explanations(["a, b"]))
        let json = try JSONEncoder().encode(made)
        #expect(String(decoding: json, as: UTF8.self) == #"["a, b","c \"d\""]"#)
        #expect(try JSONDecoder().decode(Explanations.self, from: json) == made)
    }

    /// A scheme whose explanations do not match the units is refused by the comparison, not printed short.
    @Test func aComparisonRefusesMismatchedExplanations() throws {
        struct Short: CompensationScheme {
            let id = "short"
            let summary = "one explanation too few"
            func allocate(_ problem: CompensationProblem) throws -> Allocation {
                Allocation(scheme: id, amounts: problem.units.map { _ in 1 }, explanations: Explanations(count: problem.units.count - 1) { _ in "" },
                           budgetConstrained: false)
            }
        }
        #expect(throws: CompensationError.shapeMismatch("short: 3 amounts and 2 explanations for 3 units")) {
            try SchemeComparison(problem: try threeUnits(), schemes: [Short()])
        }
    }
}
