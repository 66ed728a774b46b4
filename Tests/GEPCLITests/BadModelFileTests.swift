import Foundation
import Testing

/// Each kind of bad model file: one clear message on standard error naming the file, line and field, a non-zero
/// exit, and no output file.
@Suite("gep account and validate: bad model files")
struct BadModelFileTests {
    static let genheText = try! String(contentsOf: packageRoot.appendingPathComponent("models/regions/genhe.yaml"), encoding: .utf8)

    /// (case, text to replace in genhe.yaml, replacement, expected message).
    static let cases: [(name: String, find: String, replace: String, message: String)] = [
        ("missing field", "\nyear: 2022\n", "\n", ": year: missing required field"),
        ("unknown unit", "precipitation: {value: 500, unit: mm,", "precipitation: {value: 500, unit: inches,",
         "inputs.precipitation.unit: unknown unit \"inches\"; expected a unit of length"),
        ("negative area", "area: {value: 3072.81,", "area: {value: -3072.81,",
         "units[0].area.value: area is -3072.81; expected a non-negative area"),
        ("malformed YAML", "region: {id: genhe, name: Genhe, local-name: 根河市}", "region: {id: genhe, name: Genhe", "malformed YAML"),
        ("unknown service id", "- id: soil-retention", "- id: soil-retension", "services[1].id: unknown service \"soil-retension\""),
        ("service not run and run", "- {id: cultural-tourism, reason:", "- {id: water-conservation, reason:",
         "not-run[1].id: water-conservation is under `services:`; a service is either run or listed as not run"),
        ("unknown service not run", "- {id: cultural-tourism, reason:", "- {id: cultural-tourisme, reason:",
         "not-run[1].id: unknown service \"cultural-tourisme\""),
        ("service not run without a reason", "- {id: air-purification, reason: \"no emission inventory to cap removal at\"}",
         "- {id: air-purification}", "not-run[3].reason: missing required field"),
    ]

    @Test(arguments: 0..<cases.count)
    func badFileLeavesNoOutput(index: Int) throws {
        let (name, find, replace, message) = Self.cases[index]
        #expect(Self.genheText.contains(find), "\(name): the fixture no longer matches genhe.yaml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("regions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("models/prices"), to: folder.appendingPathComponent("prices"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("regions/genhe.yaml").path
        try Self.genheText.replacingOccurrences(of: find, with: replace).write(toFile: model, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("report.html").path

        let run = try runGEP(["account", model, "--format", "html", "--out", output])
        #expect(run.status != 0, "\(name)")
        #expect(run.standardOutput.isEmpty, "\(name)")
        #expect(run.standardError.contains(message), "\(name): \(run.standardError)")
        #expect(run.standardError.hasPrefix("Error: \(model):"), "\(name): the message must name the file and line")
        #expect(run.standardError.split(separator: "\n").count == 1, "\(name): one message expected")
        #expect(!FileManager.default.fileExists(atPath: output), "\(name): output file written")

        let validate = try runGEP(["validate", model])
        #expect(validate.status != 0 && validate.standardError.contains(message), "\(name)")
    }

    @Test func validateAcceptsTheBundledModels() throws {
        let files = ["models/regions/genhe.yaml", "models/regions/manzhouli.yaml", "models/regions/xilinhot.yaml",
                     "models/prices/gep-guideline-2010.yaml", "models/prices/china-cpi.yaml",
                     "models/compensation/genhe-units.yaml", "models/compensation/xilinhot-grassland.yaml"]
        let run = try runGEP(["validate"] + files.map { packageRoot.appendingPathComponent($0).path })
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("genhe.yaml: valid (region genhe, 6 units, 5 services)"))
        #expect(run.standardOutput.contains("manzhouli.yaml: valid (region manzhouli, 4 units, 3 services)"))
        #expect(run.standardOutput.contains("xilinhot.yaml: valid (region xilinhot, 3 units, 4 services)"))
        #expect(run.standardOutput.contains("china-cpi.yaml: valid (deflator, 2003–2024)"))
        #expect(run.standardOutput.contains("xilinhot-grassland.yaml: valid (compensation, 3 units, 8 schemes)"))
    }

    @Test func outputFileIsWrittenWhenTheRunSucceeds() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try runGEP(["account", packageRoot.appendingPathComponent("models/regions/genhe.yaml").path, "--format", "json", "--out", output])
        #expect(run.status == 0 && run.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"schema\" : \"gepkit.account/1\""))
    }
}
