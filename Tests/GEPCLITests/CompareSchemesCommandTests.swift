import Foundation
import GEPReport
import Testing

@Suite("gep compare-schemes")
struct CompareSchemesCommandTests {
    static func path(_ file: String) -> String { packageRoot.appendingPathComponent("models/compensation/\(file).yaml").path }

    @Test(arguments: ["genhe-units", "xilinhot-grassland"])
    func runsOnTheBundledFiles(file: String) throws {
        let run = try runGEP(["compare-schemes", Self.path(file), "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(CompensationReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.schema == "gepkit.compensation/1")
        #expect(report.schemes.count == 8)
        for scheme in report.schemes where scheme.budgetConstrained {
            #expect(abs(scheme.totalYuan - report.budgetYuan) <= 1e-9 * report.budgetYuan)
        }
        #expect(report.rankAgreement.count == 28)
        let table = try runGEP(["compare-schemes", Self.path(file)]).standardOutput
        #expect(table.contains("Gini") && table.contains("Spearman ρ"))
    }

    /// --schemes picks and orders; --budget rescales: GEP share of 2 亿元 is twice that of 1 亿元.
    @Test func schemesAndBudgetOptions() throws {
        let one = try JSONDecoder().decode(CompensationReport.self, from: Data(try runGEP(["compare-schemes", Self.path("genhe-units"), "--schemes", "gep-share,ahp", "--format", "json"]).standardOutput.utf8))
        let two = try JSONDecoder().decode(CompensationReport.self, from: Data(try runGEP(["compare-schemes", Self.path("genhe-units"), "--schemes", "gep-share", "--budget", "2 亿元", "--format", "json"]).standardOutput.utf8))
        #expect(one.schemes.map(\.id) == ["gep-share", "ahp"])
        #expect(two.budgetYuan == 2e8)
        for (a, b) in zip(one.schemes[0].amountsYuan, two.schemes[0].amountsYuan) { #expect(abs(2 * a - b) <= 1e-6) }
    }

    @Test func unknownSchemeIsNamed() throws {
        let run = try runGEP(["compare-schemes", Self.path("genhe-units"), "--schemes", "gep-share,lottery"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("unknown scheme \"lottery\"; known: gep-share"))
    }

    @Test func csvHasOneRowPerSchemeAndUnit() throws {
        let rows = parseCSV(try runGEP(["compare-schemes", Self.path("xilinhot-grassland"), "--format", "csv"]).standardOutput)
        #expect(rows.first == ["scheme", "unit", "amount_yuan", "per_capita_yuan", "per_km2_yuan", "price_year", "explanation"])
        #expect(rows.count == 1 + 8 * 3)
    }

    /// The HTML holds one grouped bar chart (a bar per scheme for each unit) and the metrics table.
    @Test func htmlHasAGroupedChartAndMetrics() throws {
        let html = try runGEP(["compare-schemes", Self.path("xilinhot-grassland"), "--format", "html"]).standardOutput
        #expect(html.components(separatedBy: "<svg").count - 1 == 1)
        #expect(html.components(separatedBy: "<rect").count - 1 == 3 * 8)
        #expect(html.contains("id=\"metrics\""))
    }
}
