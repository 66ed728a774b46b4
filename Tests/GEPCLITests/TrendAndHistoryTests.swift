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
        #expect(run.standardError == "saved runs 1, 2 in \(store)\n")
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

    /// Manzhouli leaves eight services out and has a GDP: every format of the trend says its GEP and GEP/GDP are partial.
    @Test func trendOfAPartialAccountSaysSo() throws {
        let manzhouli = packageRoot.appendingPathComponent("models/regions/manzhouli.yaml").path
        let table = try runGEP(["trend", manzhouli])
        #expect(table.status == 0, "\(table.standardError)")
        let lines = table.standardOutput.split(separator: "\n")
        #expect(lines[0].hasSuffix("; partial: 8 services not run (flood-regulation, cultural-tourism, air-purification, water-purification, soil-retention, oxygen-release, climate-regulation, provisioning-products)"))
        #expect(lines[1].contains("GEP (亿元, partial)") && lines[1].contains("GEP / GDP (partial)"))
        let csv = withoutRun(try runGEP(["trend", manzhouli, "--format", "csv"]).standardOutput).split(separator: "\r\n")
        #expect(csv[0] == "year,gep_yuan,growth_percent,gep_to_gdp,price_year,services_not_run")
        #expect(csv[1].hasSuffix(",flood-regulation cultural-tourism air-purification water-purification soil-retention oxygen-release climate-regulation provisioning-products"))
        let json = try JSONDecoder().decode(TrendReport.self, from: Data(try runGEP(["trend", manzhouli, "--format", "json"]).standardOutput.utf8))
        #expect(json.servicesNotRun.count == 8 && json.years.allSatisfy { $0.gepToGDP != nil })
    }

    /// A writer killed (SIGKILL, by the process id this test started) while it saves runs, one `gep account --save`
    /// after another: the store opens, passes SQLite's integrity check and holds only complete runs (every run with
    /// all its service rows), whatever moment the kill hit.
    @Test(arguments: [400, 900, 1500])
    func storeSurvivesAKilledWriter(afterMilliseconds: Int) throws {
        let store = temporaryStore()
        try FileManager.default.createDirectory(atPath: (store as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let gep = gepExecutable
        let deadline = Date().addingTimeInterval(Double(afterMilliseconds) / 1000)
        var writer: Process
        repeat {
            writer = Process()
            writer.executableURL = gep
            writer.arguments = ["account", Self.genhe, "--save", "--store", store]
            writer.standardOutput = FileHandle.nullDevice
            writer.standardError = FileHandle.nullDevice  // "saved run N in …"
            try writer.run()
            while writer.isRunning && Date() < deadline { usleep(1000) }
        } while Date() < deadline
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()

        let check = try runGEP(["history", "--store", store])
        #expect(check.status == 0, "\(check.standardError)")
        let verify = try runGEP(["history", "--store", store, "--verify"])
        #expect(verify.status == 0 && verify.standardOutput.hasPrefix("store is consistent"), "\(verify.standardOutput)\(verify.standardError)")
    }

    /// 20 `gep account --save` runs started together on one store all succeed: writers wait for each other (a busy
    /// timeout) instead of failing with "database is locked"; the store then holds 20 complete runs.
    @Test func concurrentSavesAllSucceed() throws {
        let store = temporaryStore()
        let gep = gepExecutable
        // History creates the store (in a folder that exists), so that the writers race on the saves alone.
        try FileManager.default.createDirectory(atPath: (store as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = try runGEP(["history", "--store", store])
        let writers = try (0..<20).map { _ -> Process in
            let writer = Process()
            writer.executableURL = gep
            writer.arguments = ["account", Self.genhe, "--save", "--store", store]
            writer.standardOutput = FileHandle.nullDevice
            writer.standardError = FileHandle.nullDevice  // "saved run N in …"
            try writer.run()
            return writer
        }
        writers.forEach { $0.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let verify = try runGEP(["history", "--store", store, "--verify"])
        #expect(verify.standardOutput == "store is consistent: 20 complete runs\n", "\(verify.standardOutput)\(verify.standardError)")
    }

    /// A SQLite file that is not a GEPKit store is refused and left without new tables; a store whose GEP column
    /// holds text is reported damaged by --verify, and not listed with a GEP of 0.00. A store named without a folder
    /// part opens in the working folder.
    @Test func foreignAndDamagedStoresAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-stores-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appendingPathComponent("other.sqlite").path
        try sqlite(foreign, "CREATE TABLE notes (text TEXT);")
        let run = try runGEP(["history", "--store", foreign])
        #expect(run.status != 0 && run.standardError.contains("\(foreign): not a GEPKit results store"), "\(run.standardError)")
        #expect(try sqlite(foreign, ".tables").trimmingCharacters(in: .whitespacesAndNewlines) == "notes")

        let bare = try runGEP(["account", Self.genhe, "--save", "--store", "h.sqlite"], in: folder)
        #expect(bare.status == 0, "\(bare.standardError)")
        let store = folder.appendingPathComponent("h.sqlite").path
        try sqlite(store, "UPDATE run SET gepYuan = 'lots';")
        let verify = try runGEP(["history", "--store", store, "--verify"])
        #expect(verify.status != 0 && verify.standardError.contains("mistyped values: run 1"), "\(verify.standardError)")
        let list = try runGEP(["history", "--store", store])
        #expect(list.status != 0 && !list.standardOutput.contains("0.00"))
    }

    @discardableResult
    private func sqlite(_ path: String, _ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, command]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
