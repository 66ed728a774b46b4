import Foundation
import Testing

/// Every report format names the run that made it: the tool, the time (here fixed by SOURCE_DATE_EPOCH), the command
/// line, each model file read with its SHA-256 (checked against coreutils' sha256sum), and the seed of a random run.
@Suite("run metadata in every format")
struct RunMetadataTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1700000000"]  // 2023-11-14T22:13:20Z

    /// `sha256sum FILE`'s digest.
    static func sha256sum(_ path: String) throws -> String {
        String(String(decoding: try runProgram("/usr/bin/sha256sum", [path], in: packageRoot), as: UTF8.self).prefix { $0 != " " })
    }

    @Test func everyFormatNamesTheRun() throws {
        let files = ["models/regions/genhe.yaml", "models/prices/gep-guideline-2010.yaml", "models/prices/china-cpi.yaml"]
        let digests = try files.map(Self.sha256sum)
        #expect(digests.allSatisfy { $0.count == 64 })
        for format in ["table", "csv", "md", "html", "json"] {
            let run = try runGEP(["account", "models/regions/genhe.yaml", "--format", format], in: packageRoot, environment: Self.epoch)
            #expect(run.status == 0, "\(format): \(run.standardError)")
            let text = run.standardOutput
            #expect(text.contains("gep 0.1.0") && text.contains("2023-11-14T22:13:20Z"), "\(format)")
            #expect(text.contains("gep account models/regions/genhe.yaml --format \(format)"), "\(format)")
            for (file, digest) in zip(files, digests) { #expect(text.contains(file) && text.contains(digest), "\(format): \(file)") }
            #expect(withoutRun(text) != text && !withoutRun(text).contains(digests[0]), "\(format): the run is one removable block")
        }
        let json = try runGEP(["account", "models/regions/genhe.yaml", "--format", "json"], in: packageRoot, environment: Self.epoch).standardOutput
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let run = try #require(object["run"] as? [String: Any])
        #expect(run["generated"] as? String == "2023-11-14T22:13:20Z")
        #expect((run["inputs"] as? [[String: String]])?.map { $0["sha256"] ?? "" } == digests)
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys == keys.sorted() && keys.contains("run"), "the run among the top-level keys in sorted place")
    }

    @Test func randomRunsNameTheirSeedAndWorkbooksHaveARunSheet() throws {
        let uncertainty = try runGEP(["uncertainty", "models/regions/genhe.yaml", "--draws", "50", "--seed", "7"], in: packageRoot, environment: Self.epoch)
        #expect(uncertainty.standardOutput.contains("seed: 7") && uncertainty.standardOutput.contains("--seed 7"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("genhe.xlsx").path
        #expect(try runGEP(["account", "models/regions/genhe.yaml", "--out", book], in: packageRoot, environment: Self.epoch).status == 0)
        let sheet = try WorkbookReadBack(book).sheet("run")
        #expect(sheet[2][1] == .text("2023-11-14T22:13:20Z"))
        let digest = try Self.sha256sum("models/regions/genhe.yaml")
        #expect(sheet.contains { $0[1] == .text("sha256 \(digest)") })
    }
}
