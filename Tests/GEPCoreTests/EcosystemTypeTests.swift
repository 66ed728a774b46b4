import GEPCore
import Testing

@Suite("Ecosystem types: declaration order and hashing")
struct EcosystemTypeTests {
    /// `<` orders by a hand-written index; every pair must follow the declaration, which `allCases` lists.
    @Test func orderFollowsTheDeclaration() {
        let cases = EcosystemType.allCases
        for (i, earlier) in cases.enumerated() {
            for later in cases[(i + 1)...] {
                #expect(earlier < later, "\(earlier.rawValue) should sort before \(later.rawValue)")
                #expect(!(later < earlier))
            }
        }
    }

    /// Distinct cases hash apart, so dictionaries keyed by type and sets of groups keep every key.
    @Test func distinctCasesHashApart() {
        #expect(Set(EcosystemType.allCases.map(\.hashValue)).count == EcosystemType.allCases.count)
        #expect(Set(EcosystemGroup.allCases.map(\.hashValue)).count == EcosystemGroup.allCases.count)
    }
}
