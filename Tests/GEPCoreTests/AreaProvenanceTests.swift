import GEPCore
import Testing

@Suite("Where units' areas come from")
struct AreaProvenanceTests {
    /// A list gives each unit its own record and none to a unit it does not name; a table's one record answers for
    /// every unit.
    @Test func ownSharedOrNone() throws {
        let survey = try Provenance(source: "survey", year: 2020, status: .published)
        let guess = try Provenance(source: "plan", status: .assumed, note: "split by shares")
        let listed = AreaProvenance(byUnit: ["a": survey, "b": guess])
        #expect(listed["a"] == survey && listed["b"] == guess && listed["c"] == nil)
        let table = AreaProvenance.shared(guess)
        #expect(table["a"] == guess && table["any unit"] == guess)
        let literal: AreaProvenance = ["a": survey]
        #expect(literal == AreaProvenance(byUnit: ["a": survey]) && literal != table)
        let none: AreaProvenance = [:]
        #expect(none["a"] == nil)
    }
}
