import Foundation
import GEPReport
import Testing

@Suite("gep trend and gep history")
struct TrendAndHistoryTests {
    static let genhe = packageRoot.appendingPathComponent("models/regions/genhe.yaml").path

    func temporaryStore() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-store-\(UUID().uuidString)/history.sqlite").path
    }

    /// A two-year Genhe file whose 2021 precipitation is 480 mm instead of 500: only water conservation moves, so
    /// 2022's growth is (GEP₂₀₂₂ − GEP₂₀₂₁)/GEP₂₀₂₁, both at 2022 prices; the stored runs list both years.
    @Test func trendOfATwoYearGenheFileAndItsHistory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-trend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("regions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("models/prices"), to: folder.appendingPathComponent("prices"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Self.genhe, encoding: .utf8)
            .replacingOccurrences(of: "precipitation: {value: 500, unit: mm, year: 2021,", with: "precipitation: {value: 480, unit: mm, year: 2021,")
        let model = folder.appendingPathComponent("regions/genhe.yaml").path
        try text.write(toFile: model, atomically: true, encoding: .utf8)
        let store = temporaryStore()

        let run = try runGEP(["trend", model, "--format", "json", "--save", "--store", store])
        #expect(run.status == 0, "\(run.standardError)")
        let trend = try JSONDecoder().decode(TrendReport.self, from: Data(run.standardOutput.utf8))
        #expect(trend.years.map(\.year) == [2021, 2022] && trend.priceYear == 2022)
        let (a, b) = (trend.years[0].gepYuan, trend.years[1].gepYuan)
        #expect(a < b)
        #expect(abs(trend.years[1].growthPercent! - (b - a) / a * 100) < 1e-9)
        let single = try JSONDecoder().decode(AccountReport.self, from: Data(try runGEP(["account", model, "--year", "2021", "--format", "json"]).standardOutput.utf8))
        #expect(single.gepYuan == a)

        let history = try runGEP(["history", "--store", store])
        #expect(history.status == 0)
        let lines = history.standardOutput.split(separator: "\n").dropFirst(2)
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains("genhe") })
        let compare = try runGEP(["history", "--store", store, "--compare", "1", "2"])
        #expect(compare.standardOutput.contains("water-conservation") && compare.standardOutput.contains("GEP"))
    }

    /// A writer killed (SIGKILL) while it saves runs in a loop: the store opens, passes SQLite's integrity check and
    /// holds only complete runs (every run with all its service rows), whatever moment the kill hit.
    @Test(arguments: [400, 900, 1500])
    func storeSurvivesAKilledWriter(afterMilliseconds: Int) throws {
        let store = temporaryStore()
        let gep = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("gep").path
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "while true; do \"\(gep)\" account \"\(Self.genhe)\" --save --store \"\(store)\" > /dev/null || exit 1; done"]
        try writer.run()
        Thread.sleep(forTimeInterval: Double(afterMilliseconds) / 1000)
        kill(-writer.processIdentifier, SIGKILL)
        kill(writer.processIdentifier, SIGKILL)
        _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/pkill"), arguments: ["-KILL", "-f", store]).waitUntilExit()
        writer.waitUntilExit()

        let check = try runGEP(["history", "--store", store])
        #expect(check.status == 0, "\(check.standardError)")
        let verify = try runGEP(["history", "--store", store, "--verify"])
        #expect(verify.status == 0 && verify.standardOutput.hasPrefix("store is consistent"), "\(verify.standardOutput)\(verify.standardError)")
    }
}
