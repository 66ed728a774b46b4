import Foundation
import GEPCore
import GEPServiceTesting
import ReindeerPasture
import Testing

@Suite("Reindeer pasture")
struct ReindeerPastureTests {
    let provenance = try! Provenance(source: "test", status: .assumed, note: "round numbers for the arithmetic")
    let aoluguya = try! AccountingUnit(id: "aoluguya", name: "Aoluguya", ecosystemAreas: [.deciduousNeedleleafForest: Quantity(2800, .squareKilometre)])

    var inputs: Inputs {
        Inputs([Input("reindeer", 1200, "head", provenance: provenance), Input("forage-per-head", 1.5, "t", provenance: provenance)])
    }
    var prices: PriceBook { PriceBook(name: "test", prices: [Price("forage-price", 800, per: "t", priceYear: 2022, provenance: provenance)]) }

    /// 1200 head × 1.5 t = 1800 t of forage; × 800 元/t = 1 440 000 元 at 2022 prices.
    @Test func handWorkedExample() throws {
        let result = try ReindeerPasture().evaluate(aoluguya, inputs: inputs, prices: prices)
        #expect(result.physical.amount == 1800)
        #expect(result.lines[0].value == Money(1_440_000, priceYear: 2022))
    }

    @Test func keepsTheServiceContract() {
        let problems = ServiceConformance.problems(of: ReindeerPasture(), unit: aoluguya, inputs: inputs, prices: prices)
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The executable lists the module beside the built-ins.
    @Test func gepReindeerListsTheNewModule() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("gep-reindeer")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["services", "list"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.contains("reindeer-pasture") && output.contains("water-conservation"))
    }
}
