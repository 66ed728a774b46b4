import Foundation
import GEPCore
import GEPModelFiles
import GEPServices
import Testing

@Suite("Declarative services")
struct DeclarativeServiceTests {
    static let formulaFile = ModelFolder.packageRoot.appendingPathComponent("models/services/water-conservation-formula.yaml").path
    static let genhe = ModelFolder.packageRoot.appendingPathComponent("models/regions/genhe.yaml").path

    /// The YAML re-implementation of water conservation against the Swift module, on every Genhe unit: physical
    /// amount and value agree to 1e−12 relative.
    @Test func formulaMatchesTheSwiftModuleOnGenhe() throws {
        let declarative = try DeclarativeServiceFile.read(Self.formulaFile)
        let model = try RegionModelFile.read(Self.genhe, registry: registry)
        for unit in model.region.units {
            let inputs = model.inputs(for: unit)
            let swift = try WaterConservation().evaluate(unit, inputs: inputs, prices: model.prices)
            let formula = try declarative.evaluate(unit, inputs: inputs, prices: model.prices)
            #expect(abs(formula.physical.amount - swift.physical.amount) <= 1e-12 * swift.physical.amount, "\(unit.id)")
            #expect(abs(formula.lines[0].value.yuan - swift.lines[0].value.yuan) <= 1e-12 * swift.lines[0].value.yuan, "\(unit.id)")
            #expect(formula.lines[0].priceKey == "reservoir-construction-cost" && formula.lines[0].value.priceYear == 2010)
        }
    }

    /// A region model can name the file and run it beside the built-ins.
    @Test func regionModelsRunDeclaredServices() throws {
        let folder = try ModelFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("services"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.formulaFile, toPath: folder.url.appendingPathComponent("services/wc.yaml").path)
        let text = validRegion.replacingOccurrences(of: "services:\n  - id: water-conservation\n", with: """
            service-files: [../services/wc.yaml]
            services:
              - id: water-conservation
              - id: water-conservation-formula

            """)
        let model = try RegionModelFile.read(try folder.region(text), registry: registry)
        let run = try model.run(with: registry)
        #expect(run.account.services.map(\.rawValue) == ["water-conservation", "water-conservation-formula"])
        #expect(abs(run.account.value(of: "water-conservation").yuan - run.account.value(of: "water-conservation-formula").yuan) < 1e-6)
    }

    @Test func unitMismatchIsRefused() throws {
        let message = try loadError { $0.replacingOccurrences(of: "unit: m³", with: "unit: t") }
        #expect(message.contains("physical: the formula gives m³, but the declared unit t is t"), "\(message)")
    }

    @Test func unknownInputIsRefusedWithItsColumn() throws {
        let message = try loadError { $0.replacingOccurrences(of: "max(P - P * alpha - ET, 0)", with: "max(P - P * beta - ET, 0)") }
        #expect(message.contains("physical: formula column 24: unknown name \"beta\""), "\(message)")
    }

    @Test func valueThatIsNotMoneyIsRefused() throws {
        let message = try loadError { $0.replacingOccurrences(of: "value: physical * C_res", with: "value: physical") }
        #expect(message.contains("value: the value formula gives m³; expected money (元)"), "\(message)")
    }

    /// Registering a formula service under a built-in's id is refused, naming the id.
    @Test func idConflictWithABuiltInIsRefused() throws {
        let folder = try ModelFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("services"), withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Self.formulaFile, encoding: .utf8)
            .replacingOccurrences(of: "id: water-conservation-formula", with: "id: water-conservation")
        try text.write(to: folder.url.appendingPathComponent("services/wc.yaml"), atomically: true, encoding: .utf8)
        let region = validRegion.replacingOccurrences(of: "services:\n", with: "service-files: [../services/wc.yaml]\nservices:\n")
        let error = #expect(throws: ModelFileError.self) { try RegionModelFile.read(try folder.region(region), registry: registry) }
        #expect(String(describing: error!).contains("two service modules have the id \"water-conservation\""))
    }

    private func loadError(_ edit: (String) -> String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("service-\(UUID().uuidString).yaml").path
        try edit(try String(contentsOfFile: Self.formulaFile, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: ModelFileError.self) { try DeclarativeServiceFile.read(path) }
        return error.map { String(describing: $0) } ?? ""
    }
}
