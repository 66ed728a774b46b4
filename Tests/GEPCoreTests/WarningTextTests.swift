import GEPCore
import Synchronization
import Testing

@Suite("Warnings written when read")
struct WarningTextTests {
    /// Nothing is written until the text is read; then it is the sentence, and equal to the same sentence written.
    @Test func writtenWhenRead() {
        let written = Atomic<Int>(0)
        let et = 900.0
        let warning = WarningText {
            written.add(1, ordering: .relaxed)
            return "ET \(sixFigures(et)) mm exceeds P − R"
        }
        #expect(written.load(ordering: .relaxed) == 0)
        #expect(warning.description == "ET 900 mm exceeds P − R")
        #expect(written.load(ordering: .relaxed) == 1)
        #expect(warning == "ET 900 mm exceeds P − R" && warning != "ET 901 mm exceeds P − R")
        #expect(Set([warning, WarningText(written: "ET 900 mm exceeds P − R")]).count == 1)
        let marsh: WarningText = "marsh: \(warning)"
        #expect(marsh.description == "marsh: ET 900 mm exceeds P − R")
    }
}
