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

    /// The CSV's unit rows hold each amount once (they add up to each scheme's total), and its scheme rows the metrics
    /// and Spearman's ρ as a symmetric matrix with ones on the diagonal, as the JSON of the same comparison has them.
    @Test func csvHasOneRowPerSchemeAndUnit() throws {
        let rows = parseCSV(try runGEP(["compare-schemes", Self.path("xilinhot-grassland"), "--format", "csv"]).standardOutput)
        let report = try JSONDecoder().decode(CompensationReport.self, from: Data(try runGEP(["compare-schemes", Self.path("xilinhot-grassland"), "--format", "json"]).standardOutput.utf8))
        let header = try #require(rows.first)
        #expect(Array(header.prefix(9)) == ["level", "scheme", "unit", "name", "local_name", "amount_yuan", "per_km2_yuan", "gini", "coefficient_of_variation"])
        #expect(!header.contains("per_capita_yuan"), "no unit gives a population, so there is no empty per-capita column")
        #expect(rows.count == 1 + 8 * 3 + 8)
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        for scheme in report.schemes {
            let unitRows = rows.filter { $0[0] == "unit" && $0[1] == scheme.id }
            let sum = unitRows.reduce(0) { $0 + (Double($1[5]) ?? .nan) }
            #expect(unitRows.count == 3 && abs(sum - scheme.totalYuan) <= 1e-9 * max(1, scheme.totalYuan), "\(scheme.id)")
            let row = try #require(rows.first { $0[0] == "scheme" && $0[1] == scheme.id })
            #expect(Double(row[column["gini"] ?? 0]) == scheme.gini && Double(row[column["coefficient_of_variation"] ?? 0]) == scheme.coefficientOfVariation)
            #expect(row[column["spearman_\(scheme.id)"] ?? 0] == "1")
            for pair in report.rankAgreement where pair.first == scheme.id {
                let other = try #require(rows.first { $0[0] == "scheme" && $0[1] == pair.second })
                #expect(row[column["spearman_\(pair.second)"] ?? 0] == pair.spearman.map { "\($0)" } ?? "")
                #expect(other[column["spearman_\(scheme.id)"] ?? 0] == row[column["spearman_\(pair.second)"] ?? 0], "ρ is symmetric")
            }
        }
    }

    /// The HTML holds one grouped bar chart (a bar per scheme for each unit, each scheme in its own colour, with a key
    /// naming each scheme in that colour), the metrics table, and Spearman's ρ as an 8 × 8 matrix.
    @Test func htmlHasAGroupedChartAndMetrics() throws {
        let html = try runGEP(["compare-schemes", Self.path("xilinhot-grassland"), "--format", "html"]).standardOutput
        let report = try JSONDecoder().decode(CompensationReport.self, from: Data(try runGEP(["compare-schemes", Self.path("xilinhot-grassland"), "--format", "json"]).standardOutput.utf8))
        #expect(html.components(separatedBy: "<svg").count - 1 == 1)
        let bars = html.components(separatedBy: "<rect ").dropFirst().filter { $0.contains("class=\"series\"") }
        let keys = html.components(separatedBy: "<rect ").dropFirst().filter { $0.contains("class=\"key\"") }
        #expect(bars.count == 3 * 8 && keys.count == 8)
        let fill = { (rect: String) in rect.components(separatedBy: "fill=\"").dropFirst().first?.prefix(7).description ?? "" }
        #expect(Set(keys.map(fill)).count == 8, "one colour per scheme")
        for (u, _) in report.units.enumerated() {
            #expect(bars[(u * 8)..<(u * 8 + 8)].map(fill) == keys.map(fill), "each unit's bars in the schemes' colours, in order")
        }
        #expect(html.contains("id=\"metrics\""))
        let matrix = try #require(html.components(separatedBy: "<table class=\"matrix\" id=\"rank-agreement\">").dropFirst().first?.components(separatedBy: "</table>").first)
        #expect(matrix.components(separatedBy: "<tr>").count - 1 == 1 + 8 && matrix.components(separatedBy: "<td").count - 1 == 64)
    }
}
