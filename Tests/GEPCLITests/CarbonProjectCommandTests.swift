import Foundation
import GEPReport
import Testing

@Suite("gep carbon-project")
struct CarbonProjectCommandTests {
    /// The bundled Genhe larch file, by hand: t CO₂e per m³ = 0.49 · 1.416 · 1.212 · 0.5211 · 44/12 = 1.6067727;
    /// 1000 ha reach 125 m³/ha at age 30, a stock of 200 846.6 t; less the baseline 30 · 150 = 4500 t, and the
    /// deduction DR = 12 % − 10 % = 2 %: 196 346.6 · 0.98 = 192 419.7 t; at 60 元/t, 11 545 180 元. Year 1 adds
    /// 0.4 m³/ha: 642.71 t.
    @Test func bundledLarchProjectByHand() throws {
        let run = try runGEP(["carbon-project", "models/carbon-projects/genhe-larch-afforestation.yaml", "--format", "json"], in: packageRoot)
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(CarbonProjectReport.self, from: Data(run.standardOutput.utf8))
        let perCubicMetre = 0.49 * 1.416 * 1.212 * 0.5211 * 44 / 12
        #expect(abs(perCubicMetre - 1.6067727) < 1e-7)
        let expected = (1000 * 125 * perCubicMetre - 4500) * 0.98
        #expect(abs(report.totalCredits - expected) < 1e-6 * expected)
        #expect(abs(report.totalRevenueYuan - 60 * expected) < 1e-6 * 60 * expected)
        #expect(abs(report.years[0].projectStockChange - 1000 * 0.4 * perCubicMetre) < 1e-9)
        #expect(abs((report.deductions["uncertainty"] ?? 0) - 0.02 * (1000 * 125 * perCubicMetre - 4500)) < 1e-6)
        #expect(report.deductions.keys.sorted() == ["baseline", "leakage", "project emissions", "uncertainty"])
        #expect(report.provenance.contains { $0.item == "species.larch wood-density" && $0.value == "0.49 t/m³" })
    }

    /// Every deduction and simplification is in the text report, and a wrong unit is refused at its field.
    @Test func deductionsAreListedAndBadUnitsRefused() throws {
        let text = try runGEP(["carbon-project", "models/carbon-projects/genhe-larch-afforestation.yaml"], in: packageRoot).standardOutput
        for line in ["baseline: 4500 tCO₂e", "uncertainty: ", "leakage: 0 tCO₂e", "project emissions: 0 tCO₂e", "only living tree biomass is counted"] {
            #expect(text.contains(line), "\(line)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carbon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try String(contentsOf: packageRoot.appendingPathComponent("models/carbon-projects/genhe-larch-afforestation.yaml"), encoding: .utf8)
        let bad = folder.appendingPathComponent("bad.yaml")
        try source.replacingOccurrences(of: "wood-density: {value: 0.49, unit: t/m³", with: "wood-density: {value: 0.49, unit: mm").write(to: bad, atomically: true, encoding: .utf8)
        let run = try runGEP(["carbon-project", bad.path])
        #expect(run.status != 0 && run.standardOutput.isEmpty)
        #expect(run.standardError.contains("bad.yaml") && run.standardError.contains("species.larch.wood-density.unit"), "\(run.standardError)")
    }
}
