import Foundation
import GEPStore
import Testing

@Suite("Results store: runs saved whole or not at all")
struct ResultsStoreTests {
    func temporaryStore() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-store-\(UUID().uuidString)/history.sqlite").path
    }

    /// The years of one `gep trend --save` go in one transaction: when the second year cannot be written (here a
    /// service listed twice, which the (run, service) key refuses), the first is not kept either.
    @Test func runsOfOneSaveAreAllOrNothing() throws {
        let store = try ResultsStore(path: temporaryStore())
        let good = ResultsStore.NewRun(region: "r", model: "m.yaml", year: 2021, reportYear: 2022, gepYuan: 10, serviceValues: [("a", 10)])
        let bad = ResultsStore.NewRun(region: "r", model: "m.yaml", year: 2022, reportYear: 2022, gepYuan: 20, serviceValues: [("a", 10), ("a", 10)])
        #expect(throws: StoreError.self) { try store.save([good, bad]) }
        #expect(try store.runs().isEmpty)
        let ids = try store.save([good, good])
        #expect(ids == [1, 2] || ids.count == 2)
        #expect(try store.runs().map(\.year) == [2021, 2021])
        #expect(try store.incompleteRuns().isEmpty && store.mistypedRows().isEmpty)
    }
}
