import Foundation
import GEPRasterFixtures
import Testing

/// Each example's command, run from the package root, prints exactly the expected output stored beside it.
@Suite("examples/: commands and their expected output")
struct ExampleTests {
    @Test func genheAnnualGEP() throws {
        let expected = try String(contentsOf: packageRoot.appendingPathComponent("examples/genhe-annual-gep/expected-output.txt"), encoding: .utf8)
        let run = try runGEP(["account", "models/regions/genhe.yaml", "--year", "2022"], in: packageRoot)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(withoutRun(run.standardOutput) == expected, "the report above its run section, which changes from run to run")
    }
}

@Suite("examples/compare-compensation")
struct CompareCompensationExampleTests {
    @Test(arguments: ["genhe-units", "xilinhot-grassland"])
    func expectedOutput(file: String) throws {
        let expected = try String(contentsOf: packageRoot.appendingPathComponent("examples/compare-compensation/\(file).txt"), encoding: .utf8)
        let run = try runGEP(["compare-schemes", "models/compensation/\(file).yaml"], in: packageRoot)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(withoutRun(run.standardOutput) == expected, "the report above its run section, which changes from run to run")
    }
}

@Suite("examples/genhe-raster")
struct GenheRasterExampleTests {
    @Test func expectedOutput() throws {
        let expected = try String(contentsOf: packageRoot.appendingPathComponent("examples/genhe-raster/expected-output.txt"), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-genhe-raster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try GenheRasterFixture.write(to: folder.path, size: 120, models: packageRoot.appendingPathComponent("models").path)
        let run = try runGEP(["raster", model, "--out", folder.appendingPathComponent("out").path, "--threads", "2"], in: packageRoot)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(withoutRun(run.standardOutput) == expected, "the report above its run section, which changes from run to run")
    }
}
