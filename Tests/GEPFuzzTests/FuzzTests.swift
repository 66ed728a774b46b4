import Foundation
import GEPFuzz
import GEPServices
import Testing

@Suite("Fuzzing the bundled model files")
struct FuzzTests {
    /// 2000 seeded mutants (byte flips, deleted and repeated lines, swapped and boundary numbers) of the region,
    /// price-book, deflator, compensation and service files, each through the loaders, the account or the scheme
    /// comparison and every report format: none traps (the test process would die), none puts an infinite or NaN
    /// number in a report (its JSON form would not encode), and many are refused, so the mutations reach the
    /// checks. `make fuzz` runs 10⁶.
    @Test func mutantsNeverTrapOrPrintNonFiniteNumbers() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let harness = try FuzzHarness(models: packageRoot.appendingPathComponent("models"), scratch: scratch, registry: BuiltInServices.registry())
        let summary = harness.run(seed: 2026, range: 0..<2000)
        #expect(summary.mutants == 2000)
        #expect(summary.findings.isEmpty, "\(summary.findings.prefix(5).map { "\($0)\n\($0.mutant)" })")
        #expect(summary.refused > 200 && summary.accepted > 200, "accepted \(summary.accepted), refused \(summary.refused)")
    }

    /// The mutator is a pure function of its seed: the same seed gives the same mutants, another seed others.
    @Test func mutantsFollowTheSeed() {
        let text = "a: 1\nb: {value: 2.5, unit: mm}\nc: [3, 4]\n"
        var first = ModelMutator(seed: 9), second = ModelMutator(seed: 9), other = ModelMutator(seed: 10)
        let a = (0..<50).map { _ in first.mutate(text) }
        #expect(a == (0..<50).map { _ in second.mutate(text) })
        #expect(a != (0..<50).map { _ in other.mutate(text) })
        #expect(Set(a).count > 25)
    }
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
