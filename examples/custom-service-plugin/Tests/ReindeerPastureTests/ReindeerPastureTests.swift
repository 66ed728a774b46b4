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
        let (status, output) = try gepReindeer(["services", "list"])
        #expect(status == 0)
        #expect(output.contains("reindeer-pasture") && output.contains("water-conservation"))
    }

    /// And runs it beside a built-in in an account: 1200 head × 1.5 t = 1800 t of forage at 800 元/t (2010);
    /// 100 km² × (500 − 4.4 − 291.6) mm = 20 400 000 m³ at 7.06 元/m³ (2010); both restated to 2022.
    @Test func gepReindeerRunsTheNewModuleInAnAccount() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (status, output) = try gepReindeer(["account", package.appendingPathComponent("models/aoluguya.yaml").path, "--format", "csv"])
        #expect(status == 0, "\(output)")
        // The account CSV: `#` lines with the run's metadata, then level,unit,name,local_name,area_km2,service,…,physical_amount,….
        let rows = output.split(separator: "\r\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let forage = try #require(rows.first { $0[0] == "unit" && $0[1] == "aoluguya" && $0[5] == "reindeer-pasture" })
        let water = try #require(rows.first { $0[0] == "unit" && $0[1] == "aoluguya" && $0[5] == "water-conservation" })
        #expect(Double(forage[9]) == 1800)
        #expect(abs(Double(water[9])! - 20_400_000) < 1e-6)
    }

    private func gepReindeer(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("gep-reindeer")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
