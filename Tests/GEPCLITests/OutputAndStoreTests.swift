import Foundation
import GEPReport
import Testing

/// The report format follows `--out`'s extension unless `--format` says otherwise (and a contradiction is refused);
/// the results store lives where the XDG Base Directory specification puts user data, and says where.
@Suite("--out's extension and the store's place")
struct OutputAndStoreTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("--out report.json writes JSON, report.md Markdown; --format csv with --out report.json is refused with no file")
    func formatFromExtension() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("report.json").path
        let run = try runGEP(["account", AccountCommandTests.genhe, "--out", json])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(AccountReport.self, from: try Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(report.schema == "gepkit.account/1")
        let md = folder.appendingPathComponent("report.md").path
        #expect(try runGEP(["account", AccountCommandTests.genhe, "--out", md]).status == 0)
        #expect(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("# "))
        // An extension GEPKit does not know leaves the table, and --format wins when it agrees or nothing is implied.
        let other = folder.appendingPathComponent("report.out").path
        #expect(try runGEP(["account", AccountCommandTests.genhe, "--out", other]).status == 0)
        #expect(try String(contentsOfFile: other, encoding: .utf8).hasPrefix("Genhe (根河市) GEP account"))

        let clash = folder.appendingPathComponent("clash.json").path
        let refused = try runGEP(["account", AccountCommandTests.genhe, "--format", "csv", "--out", clash])
        #expect(refused.status != 0 && refused.standardError.contains("--format csv but --out \(clash) names a json file"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: clash))
    }

    @Test("the store goes to $XDG_DATA_HOME/gepkit, else ~/.local/share/gepkit; --save says which run went where")
    func storeFollowsXDG() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let xdg = try runGEP(["account", AccountCommandTests.genhe, "--save"], environment: ["XDG_DATA_HOME": data])
        let store = data + "/gepkit/history.sqlite"
        #expect(xdg.status == 0 && xdg.standardError == "saved run 1 in \(store)\n", "\(xdg.standardError)")
        #expect(FileManager.default.fileExists(atPath: store))
        #expect(xdg.standardOutput.hasPrefix("Genhe (根河市) GEP account"))

        // A relative XDG_DATA_HOME is ignored, as the specification says: HOME's .local/share then.
        let home = folder.appendingPathComponent("home").path
        let fallback = try runGEP(["account", AccountCommandTests.genhe, "--save"], environment: ["XDG_DATA_HOME": "relative/data", "HOME": home])
        #expect(fallback.status == 0 && fallback.standardError == "saved run 1 in \(home)/.local/share/gepkit/history.sqlite\n", "\(fallback.standardError)")
        let history = try runGEP(["history"], environment: ["XDG_DATA_HOME": "", "HOME": home])
        #expect(history.status == 0 && history.standardOutput.contains("genhe"), "\(history.standardError)")
    }

    @Test("history refuses a store whose folder does not exist, and creates nothing")
    func historyNeedsTheFolder() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nowhere/history.sqlite").path
        let run = try runGEP(["history", "--store", missing])
        #expect(run.status != 0 && run.standardError.contains("no store there: the folder \(folder.path)/nowhere does not exist"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere").path))
    }
}
