import Compensation
import Foundation
import GEPCore
import GEPModelFiles
import Testing

@Suite("Compensation model files")
struct CompensationFileTests {
    static let models = ModelFolder.packageRoot.appendingPathComponent("models")

    /// Xilinhot: units and GEP come from the region account; regime areas and the 7.5 / 2.5 元/亩 rates from the
    /// file. Area rates: (870 + 463.95) 万亩 × 7.5 + 720 万亩 × 2.5 = 10 004.625 + 1 800 = 11 804.625 万元.
    @Test func readsXilinhotGrassland() throws {
        let model = try CompensationFile.read(Self.models.appendingPathComponent("compensation/xilinhot-grassland.yaml").path, registry: registry)
        #expect(model.problem.units.map(\.id) == ["north", "central", "south"])
        #expect(abs(model.problem.budget.yuan - 118_046_000) < 1e-3)
        #expect(model.schemes.map(\.id) == ["area-rates", "gep-share", "opportunity-cost", "ahp", "entropy-topsis", "service-flow", "shapley", "optimised"])
        let rates = try model.schemes(["area-rates"])[0].allocate(model.problem)
        #expect(abs(rates.total - 118_046_250) < 1e-3)
        #expect(abs(rates.amounts[0] - 18_000_000) < 1e-6)
        let run = try RegionModelFile.read(Self.models.appendingPathComponent("regions/xilinhot.yaml").path, registry: registry).run(with: registry)
        #expect(model.problem.units.map { $0.indicators["gep"]! } == run.account.gepByUnit)
    }

    /// Every budget-constrained scheme in both bundled files splits exactly the budget.
    @Test(arguments: ["genhe-units", "xilinhot-grassland"])
    func budgetConstrainedSchemesSumToTheBudget(file: String) throws {
        let model = try CompensationFile.read(Self.models.appendingPathComponent("compensation/\(file).yaml").path, registry: registry)
        for (id, scheme) in model.schemes {
            let allocation = try scheme.allocate(model.problem)
            #expect(allocation.amounts.count == model.problem.units.count)
            if allocation.budgetConstrained {
                #expect(abs(allocation.total - model.problem.budget.yuan) <= 1e-9 * model.problem.budget.yuan, "\(id)")
            }
        }
    }

    @Test func inconsistentJudgementsAreRefusedAtTheirLine() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/xilinhot-grassland.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "pairwise: [[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]]", with: "pairwise: [[1, 9, 1/9], [1/9, 1, 9], [9, 1/9, 1]]")
        let message = try loadError(text)
        #expect(message.contains("schemes.ahp.pairwise: AHP pairwise matrix is inconsistent: consistency ratio CR = 6.1303 ≥ 0.1"), "\(message)")
    }

    @Test func unknownUnitIsNamed() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/xilinhot-grassland.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  - id: south\n", with: "  - id: southh\n")
        #expect(try loadError(text).contains("no unit \"southh\""))
    }

    private func loadError(_ text: String) throws -> String {
        let folder = ModelFolder.packageRoot.appendingPathComponent("models/compensation")
        let path = folder.appendingPathComponent("test-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: ModelFileError.self) { try CompensationFile.read(path, registry: registry) }
        return error.map { String(describing: $0) } ?? ""
    }
}
