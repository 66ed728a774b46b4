import Foundation
import GEPReport
import Testing

/// `gep init NAME` writes a region template that validates and runs unchanged, never over existing files.
@Suite("gep init")
struct InitCommandTests {
    @Test("the template validates and runs as written: 1000 km² keeping P − R − ET = 450 − 22.5 − 380 mm")
    func templateValidatesAndRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let written = try runGEP(["init", "arun-qi"], in: folder)
        #expect(written.status == 0, "\(written.standardError)")
        let model = folder.appendingPathComponent("arun-qi/arun-qi.yaml").path
        let prices = folder.appendingPathComponent("arun-qi/prices.yaml").path
        let valid = try runGEP(["validate", model, prices])
        #expect(valid.status == 0 && valid.standardError.isEmpty, "\(valid.standardOutput)\(valid.standardError)")
        let account = try runGEP(["account", model, "--format", "json"])
        #expect(account.status == 0, "\(account.standardError)")
        let report = try JSONDecoder().decode(AccountReport.self, from: Data(account.standardOutput.utf8))
        // (450 − 0.05 × 450 − 380) mm × 1000 km² = 47.5 mm × 10⁹ m² = 4.75 × 10⁷ m³, at 9.305 元/m³.
        let water = try #require(report.services.first)
        #expect(abs(water.physicalAmount - 4.75e7) < 1e-3 && abs(report.gepYuan - 4.75e7 * 9.305) < 1e-3, "\(water.physicalAmount) \(report.gepYuan)")
        // Every value is marked as an example: no template number passes for data.
        let text = try String(contentsOfFile: model, encoding: .utf8)
        #expect(text.components(separatedBy: "source: template, status: assumed").count - 1 == 4)

        let again = try runGEP(["init", "arun-qi"], in: folder)
        #expect(again.status != 0 && again.standardError.contains("exists already"), "\(again.standardError)")
        let bad = try runGEP(["init", "Arun Qi"], in: folder)
        #expect(bad.status != 0 && bad.standardError.contains("is not a region id"), "\(bad.standardError)")
    }
}
