import Foundation
import GEPReport
import Testing

@Suite("gep ecosystem-accounts and gep scenario")
struct EcosystemAccountsCommandTests {
    /// The bundled Genhe 2021–2022 accounts. Genhe's 19 659 km² are 64.225 % larch, so 12 625.99 km² of larch in 2022;
    /// 12 km² of shrub became larch and 0.5 km² of larch became built-up land in the period (the file's conversions).
    @Test func genheAccountsBalanceAndDiscount() throws {
        let run = try runGEP(["ecosystem-accounts", "models/accounts/genhe-2021-2022.yaml", "--format", "json"], in: packageRoot)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try schemaViolations(json: run.standardOutput, schema: "gepkit.ecosystem-accounts-1.schema.json") == [])
        let report = try JSONDecoder().decode(EcosystemAccountsReport.self, from: Data(run.standardOutput.utf8))
        let larch = try #require(report.extent.rows.first { $0.type == "deciduous-needleleaf-forest" })
        #expect(abs(larch.closingKm2 - 19_659 * 0.64225) < 1e-9)
        #expect(abs(larch.additionsKm2 - 12) < 1e-9 && abs(larch.reductionsKm2 - 0.5) < 1e-9)
        #expect(abs(larch.openingKm2 - (19_659 * 0.64225 - 12 + 0.5)) < 1e-9)
        for row in report.extent.rows {
            #expect(abs(row.openingKm2 + row.additionsKm2 - row.reductionsKm2 - row.closingKm2) < 1e-9, "\(row.type)")
        }
        #expect(report.extent.conversionMatrix.count == 2 && report.extent.hasConversionMatrix)
        // The asset account's flows are the GEP of each year, and its value the flows × a(6 %, 100) = 16.617546229521004.
        let flows = report.asset.rows.reduce(0) { $0 + $1.closingFlowYuan }
        #expect(abs(flows - report.closingGEPYuan) <= 1e-9 * flows)
        let account = try JSONDecoder().decode(AccountReport.self, from: Data(try runGEP(["account", "models/regions/genhe.yaml", "--format", "json"], in: packageRoot).standardOutput.utf8))
        #expect(abs(report.closingGEPYuan - account.gepYuan) <= 1e-9 * account.gepYuan)
        let closing = report.asset.rows.reduce(0) { $0 + $1.closingYuan }
        #expect(abs(closing - 16.617546229521004 * flows) <= 1e-12 * closing)
        // At 3 % and 8 % the same flows are worth a(3 %, 100) = 31.598905338326368 and a(8 %, 100) = 12.494317565161236 (Python).
        #expect(report.asset.sensitivity.map(\.discountRate) == [0.06, 0.03, 0.08])
        #expect(abs(report.asset.sensitivity[1].closingYuan - 31.598905338326368 * flows) <= 1e-12 * closing * 2)
        #expect(abs(report.asset.sensitivity[2].closingYuan - 12.494317565161236 * flows) <= 1e-12 * closing)
        for row in report.asset.rows {
            let sum = row.openingYuan + row.extentEffectYuan + row.conditionEffectYuan + row.priceEffectYuan
            #expect(abs(sum - row.closingYuan) <= 1e-9 * max(1, abs(row.closingYuan)), "\(row.type)")
        }
        // Soil retention's priced lines are split by type as its retained soil is: nothing unattributed, and each line's
        // types add up to the account's line.
        for line in account.services.first(where: { $0.id == "soil-retention" })?.lines ?? [] {
            let row = try #require(report.supply.first { $0.year == 2022 && $0.service == "soil-retention" && $0.line == line.id })
            #expect(row.quantityByType["unattributed"] == nil && row.quantityByType.count == 7, "\(line.id): \(row.quantityByType.keys.sorted())")
            #expect(abs(row.quantityByType.values.reduce(0, +) - line.quantity) <= 1e-9 * line.quantity, "\(line.id)")
        }
        // Flood regulation's marsh storage is the marsh's; with it, every flow of Genhe's services is attributed to a type.
        let marsh = try #require(report.supply.first { $0.year == 2022 && $0.line == "marsh-storage" })
        #expect(marsh.quantityByType.keys.sorted() == ["marsh"])
        #expect(!report.asset.rows.contains { $0.type == "unattributed" })
        let stock = try #require(report.condition.first { $0.id == "growing-stock" })
        #expect(abs(stock.closingIndex - 83.16 / 200) < 1e-12)
        #expect(report.use.contains { $0.service == "carbon-sink" && ($0.quantityBySector["rest-of-world"] ?? 0) > 0 })
    }

    /// Both reports open in headless Chromium with every section, and their charts have a bar per value: the extent
    /// chart two per ecosystem type (opening and closing), the asset chart one per row, the scenario one per service.
    @Test(.enabled(if: HTMLReportTests.chromium != nil || HTMLReportTests.required, "chromium is not installed; `make test` installs it"))
    func accountsAndScenarioInChromium() throws {
        let browser = try #require(HTMLReportTests.chromium, "chromium is required by make test but not found")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accounts-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = "models/accounts/genhe-2021-2022.yaml", scenario = "models/scenarios/genhe-larch-fire.yaml"
        let report = try JSONDecoder().decode(EcosystemAccountsReport.self, from: Data(try runGEP(["ecosystem-accounts", file, "--format", "json"], in: packageRoot).standardOutput.utf8))
        let page = folder.appendingPathComponent("accounts.html")
        #expect(try runGEP(["ecosystem-accounts", file, "--out", page.path], in: packageRoot).status == 0)
        let dom = try dumpDOM(browser, page)
        func section(_ id: String) -> String? {
            dom.range(of: "<section id=\"\(id)\">").map { String(dom[$0.upperBound...]).components(separatedBy: "</section>")[0] }
        }
        for id in ["extent", "conversion-matrix", "conversions", "condition", "supply-physical-2021", "supply-monetary-2022", "use", "asset", "discount-rate"] {
            #expect(section(id) != nil, "\(id)")
        }
        #expect(section("extent")?.components(separatedBy: "<rect").count.advanced(by: -1) == 2 * report.extent.rows.count)
        #expect(section("asset")?.components(separatedBy: "<rect").count.advanced(by: -1) == report.asset.rows.count)

        let scenarioPage = folder.appendingPathComponent("scenario.html")
        #expect(try runGEP(["scenario", scenario, "--out", scenarioPage.path], in: packageRoot).status == 0)
        let scenarioDOM = try dumpDOM(browser, scenarioPage)
        let services = try #require(scenarioDOM.range(of: "<section id=\"services\">").map { String(scenarioDOM[$0.upperBound...]).components(separatedBy: "</section>")[0] })
        #expect(services.components(separatedBy: "<rect").count - 1 == 5)  // Genhe runs five services
        #expect(scenarioDOM.contains("<section id=\"changes\">") && scenarioDOM.contains("input runoff-coefficient"))
    }

    /// The 1 000 ha larch fire in Jinhe against two full accounts run independently: the base model, and a copy of it
    /// in which Jinhe's areas are written out with 10 km² moved from larch to bare land and the burnt land's three
    /// inputs added by hand. Every service's change must be the difference of those two accounts.
    @Test func larchFireIsTheDifferenceOfTwoFullAccounts() throws {
        let run = try runGEP(["scenario", "models/scenarios/genhe-larch-fire.yaml", "--format", "json"], in: packageRoot)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try schemaViolations(json: run.standardOutput, schema: "gepkit.scenario-1.schema.json") == [])
        let report = try JSONDecoder().decode(ScenarioReport.self, from: Data(run.standardOutput.utf8))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let prices = packageRoot.appendingPathComponent("models/prices").path
        var text = try String(contentsOf: packageRoot.appendingPathComponent("models/regions/genhe.yaml"), encoding: .utf8)
        let shares: [(String, Double)] = [("deciduous-needleleaf-forest", 64.225), ("deciduous-broadleaf-forest", 27.525), ("shrubland", 3.5),
                                          ("meadow", 3.53), ("cropland", 0.3), ("built-up", 0.5), ("marsh", 0.3), ("river", 0.12)]
        let areas = shares.map { type, share in "\(type): \(5353 * share / 100 - (type == "deciduous-needleleaf-forest" ? 10 : 0))" } + ["bare-land: 10"]
        for (old, new) in [("prices: ../prices/", "prices: \(prices)/"), ("deflator: ../prices/", "deflator: \(prices)/"),
                           ("area: {value: 5353, unit: km², source: jinhe-profile, status: published}",
                            "areas: {by-ecosystem-type: {\(areas.joined(separator: ", "))}, unit: km², source: jinhe-profile, status: published}"),
                           ("by-ecosystem-type: {deciduous-needleleaf-forest: 0.88,", "by-ecosystem-type: {bare-land: 20, deciduous-needleleaf-forest: 0.88,"),
                           ("by-ecosystem-type: {deciduous-needleleaf-forest: 291.6,", "by-ecosystem-type: {bare-land: 200, deciduous-needleleaf-forest: 291.6,"),
                           ("by-ecosystem-type: {deciduous-needleleaf-forest: 0.006,", "by-ecosystem-type: {bare-land: 1, deciduous-needleleaf-forest: 0.006,")] {
            #expect(text.components(separatedBy: old).count == 2, "\(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let burnt = folder.appendingPathComponent("genhe-burnt.yaml")
        try text.write(to: burnt, atomically: true, encoding: .utf8)
        let account = { (path: String) throws -> AccountReport in
            let run = try runGEP(["account", path, "--format", "json"], in: packageRoot)
            #expect(run.status == 0, "\(run.standardError)")
            return try JSONDecoder().decode(AccountReport.self, from: Data(run.standardOutput.utf8))
        }
        let (before, after) = (try account("models/regions/genhe.yaml"), try account(burnt.path))
        for (row, (base, burned)) in zip(report.services, zip(before.services, after.services)) {
            #expect(row.service == base.id)
            let difference = burned.valueYuan - base.valueYuan
            #expect(abs(row.changeYuan - difference) <= 1e-6 * max(1, abs(difference)), "\(row.service): \(row.changeYuan) vs \(difference)")
        }
        #expect(abs(report.gepChangeYuan - (after.gepYuan - before.gepYuan)) <= 1e-6 * abs(report.gepChangeYuan))
        #expect(report.gepChangeYuan < 0)
        // Recovering linearly over 30 years at 6 %: Σ_{t=1}^{30} (1 − (t − 1)/30) ÷ 1.06^t = 9.01953824917254 (Python).
        #expect(abs(report.assetChange[0].changeYuan - 9.01953824917254 * report.gepChangeYuan) <= 1e-9 * abs(report.assetChange[0].changeYuan))
        #expect(report.servicesChanged == ["water-conservation", "soil-retention", "carbon-sink", "oxygen-release"])
        #expect(report.changes.map(\.item) == ["unit jinhe: deciduous-needleleaf-forest → bare-land", "input cover-management",
                                               "input evapotranspiration", "input runoff-coefficient"])
        #expect(report.changes.allSatisfy { !$0.source.isEmpty })
    }

    /// A conversion larger than the unit's area of the type is refused with the file and field named, and nothing is written:
    /// 1 000 万亩 are 666 667 ha, and Jinhe has 5 353 km² × 64.225 % = 343 796 ha of larch.
    @Test func oversizedConversionIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let regions = packageRoot.appendingPathComponent("models/regions").path
        let source = try String(contentsOf: packageRoot.appendingPathComponent("models/scenarios/genhe-larch-fire.yaml"), encoding: .utf8)
        let bad = folder.appendingPathComponent("fire.yaml")
        try source.replacingOccurrences(of: "base: ../regions/", with: "base: \(regions)/")
            .replacingOccurrences(of: "area: {value: 1000, unit: ha", with: "area: {value: 1000, unit: 万亩").write(to: bad, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("report.json")
        let run = try runGEP(["scenario", bad.path, "--out", out.path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("fire.yaml") && run.standardError.contains("conversions")
                && run.standardError.contains("unit jinhe has 343796 ha of deciduous-needleleaf-forest, but the conversions take 666667 ha from it"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

/// Two land surveys: a copy of the Genhe model whose 2021 `ecosystem-shares:` give larch 64.165 % and shrub 3.56 %
/// (2022: 64.225 % and 3.5 %), so 0.06 % of each unit's area turned from shrub to larch: 19 659 × 0.0006 = 11.7954 km².
@Suite("gep ecosystem-accounts with two surveys")
struct TwoSurveyAccountsTests {
    let units: [(String, Double)] = [("manggui", 3072.81), ("jinhe", 5353), ("alongshan", 2808.2975), ("derbur", 2808.2975),
                                     ("aoluguya", 2808.2975), ("city", 2808.2975)]

    /// Writes the model copy and an accounts file with `conversions` (YAML list items), runs it, and returns the run.
    func run(conversions: [String], folder: URL) throws -> GEPRun {
        let prices = packageRoot.appendingPathComponent("models/prices").path
        var model = try String(contentsOf: packageRoot.appendingPathComponent("models/regions/genhe.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "prices: ../prices/", with: "prices: \(prices)/").replacingOccurrences(of: "deflator: ../prices/", with: "deflator: \(prices)/")
        let yearHeader = "years:\n  2021:\n"
        #expect(model.components(separatedBy: yearHeader).count == 2)
        model = model.replacingOccurrences(of: yearHeader, with: yearHeader + """
                ecosystem-shares:
                  by-ecosystem-type: {deciduous-needleleaf-forest: 64.165, deciduous-broadleaf-forest: 27.525, shrubland: 3.56, meadow: 3.53,
                                      cropland: 0.3, built-up: 0.5, marsh: 0.3, river: 0.12}
                  unit: "%"
                  source: test
                  status: assumed
                  note: "a second survey made up for the test"

            """)
        try model.write(to: folder.appendingPathComponent("genhe.yaml"), atomically: true, encoding: .utf8)
        let accounts = try String(contentsOf: packageRoot.appendingPathComponent("models/accounts/genhe-2021-2022.yaml"), encoding: .utf8)
        let start = try #require(accounts.range(of: "conversions:\n"))
        let end = try #require(accounts.range(of: "condition:\n"))
        let listed = conversions.isEmpty ? "" : "conversions:\n" + conversions.map { "  - \($0)\n" }.joined() + "\n"
        try (accounts[..<start.lowerBound] + listed + accounts[end.lowerBound...])
            .replacingOccurrences(of: "model: ../regions/genhe.yaml", with: "model: genhe.yaml")
            .write(to: folder.appendingPathComponent("accounts.yaml"), atomically: true, encoding: .utf8)
        return try runGEP(["ecosystem-accounts", folder.appendingPathComponent("accounts.yaml").path, "--format", "json"])
    }

    func conversion(_ unit: String, _ km2: Double) -> String {
        "{unit: \(unit), from: shrubland, to: deciduous-needleleaf-forest, area: {value: \(km2), unit: km², source: test, status: assumed, note: survey}}"
    }

    @Test func surveysWithConversionsThatExplainThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("surveys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try run(conversions: units.map { conversion($0.0, $0.1 * 0.0006) }, folder: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(EcosystemAccountsReport.self, from: Data(run.standardOutput.utf8))
        let larch = try #require(report.extent.rows.first { $0.type == "deciduous-needleleaf-forest" })
        #expect(abs(larch.openingKm2 - 19_659 * 0.64165) < 1e-8 && abs(larch.closingKm2 - 19_659 * 0.64225) < 1e-8)
        #expect(abs(larch.additionsKm2 - 11.7954) < 1e-8 && larch.reductionsKm2 == 0)

        let unexplained = try self.run(conversions: [conversion("jinhe", 1)], folder: folder)
        #expect(unexplained.status != 0 && unexplained.standardOutput.isEmpty)
        #expect(unexplained.standardError.contains("accounts.yaml") && unexplained.standardError.contains("unit manggui, deciduous-needleleaf-forest"),
                "\(unexplained.standardError)")

        let netOnly = try self.run(conversions: [], folder: folder)
        #expect(netOnly.status == 0, "\(netOnly.standardError)")
        let net = try JSONDecoder().decode(EcosystemAccountsReport.self, from: Data(netOnly.standardOutput.utf8))
        #expect(!net.extent.hasConversionMatrix && net.extent.conversionMatrix.isEmpty)
        #expect(abs((net.extent.rows.first { $0.type == "shrubland" }?.reductionsKm2 ?? 0) - 11.7954) < 1e-8)
    }
}
