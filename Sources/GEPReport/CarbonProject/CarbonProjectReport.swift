import Foundation
import GEPCore

/// A forest carbon project estimate, year by year, with every deduction and the methodology's simplifications: the
/// output of `gep carbon-project`.
public struct CarbonProjectReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.carbon-project/1"

    public let schema: String
    public let name: String
    public let methodology: String
    public let priceYuanPerTonne: Double
    public let priceYear: Int
    /// U and the deduction rate DR = max(0, U − 10 %), as fractions.
    public let uncertainty: Double
    public let deductionRate: Double
    public let leakageFraction: Double
    public let years: [ForestCarbonProject.Year]
    public let totalCredits: Double
    public let totalRevenueYuan: Double
    /// Every deduction by name with its total over the period, t CO₂e: what a reviewer checks first.
    public let deductions: [String: Double]
    /// Where the estimate simplifies the methodology.
    public let simplifications: [String]
    public let provenance: [ProvenanceRow]

    /// - Parameter methodology: "afforestation" or "forest-management".
    public init(name: String, methodology: String, project: ForestCarbonProject, provenance: [(item: String, value: String, provenance: Provenance)]) {
        let estimate = project.estimate()
        schema = Self.schema
        self.name = name
        self.methodology = methodology == "afforestation" ? "afforestation (shape of CCER-14-001-V01, 造林碳汇)" : "forest management (improved management against a baseline table)"
        priceYuanPerTonne = project.price.yuan
        priceYear = project.price.priceYear
        uncertainty = project.uncertainty
        deductionRate = project.deductionRate
        leakageFraction = project.leakageFraction
        years = estimate
        totalCredits = estimate.reduce(0) { $0 + $1.credits }
        totalRevenueYuan = estimate.reduce(0) { $0 + $1.revenueYuan }
        func total(_ part: (ForestCarbonProject.Year) -> Double) -> Double { estimate.reduce(0) { $0 + part($1) } }
        deductions = ["baseline": total(\.baselineStockChange), "project emissions": total(\.projectEmissions),
                      "uncertainty": total(\.uncertaintyDeduction), "leakage": total(\.leakage)]
        simplifications = ForestCarbonProject.simplifications
        self.provenance = provenance.map { ProvenanceRow(item: $0.item, value: $0.value, provenance: $0.provenance) }
    }

    /// The estimate in `format`, its words in `language` (the inputs' notes and the simplifications stay as written).
    public func render(_ format: ReportFormat, language l: ReportLanguage = .en) throws -> String {
        let title = l.pick("\(name): \(methodology), \(years.count) crediting years", "\(name)：\(methodology)，计入期\(years.count)年")
        let headers = [l.pick("year", "年份"), l.pick("project ΔC (tCO₂e)", "项目碳储量变化（tCO₂e）"), l.pick("baseline ΔC", "基线碳储量变化"), l.pick("emissions", "项目排放"),
                       l.pick("uncertainty deduction", "不确定性扣减"), l.pick("leakage", "泄漏"), l.pick("credits (tCO₂e)", "减排量（tCO₂e）"), l.pick("revenue (万元)", "收益（万元）")]
        let rows = years.map { [String($0.year), formatNumber($0.projectStockChange), formatNumber($0.baselineStockChange), formatNumber($0.projectEmissions),
                                formatNumber($0.uncertaintyDeduction), formatNumber($0.leakage), formatNumber($0.credits),
                                String(format: "%.2f", $0.revenueYuan / 1e4)] }
            + [[l.pick("total", "合计"), "", "", "", "", "", formatNumber(totalCredits), String(format: "%.2f", totalRevenueYuan / 1e4)]]
        let deductionNames = ["baseline": "基线", "project emissions": "项目排放", "uncertainty": "不确定性", "leakage": "泄漏"]
        let deductionLines = ["baseline", "project emissions", "uncertainty", "leakage"].map {
            "\(l.pick($0, deductionNames[$0] ?? $0)): \(formatNumber(deductions[$0] ?? 0)) tCO₂e"
        }
        let facts = [l.pick("price \(formatNumber(priceYuanPerTonne)) 元/tCO₂e at \(priceYear) prices", "价格\(formatNumber(priceYuanPerTonne))元/tCO₂e（\(priceYear)年价格）"),
                     l.pick("uncertainty U = ", "不确定性 U = ") + "\(formatNumber(uncertainty * 100)) %, " + l.pick("deduction", "扣减率")
                        + " DR = max(0, U − 10 %) = \(formatNumber(deductionRate * 100)) %",
                     l.pick("leakage \(formatNumber(leakageFraction * 100)) % of the net stock change", "泄漏为净碳储量变化的\(formatNumber(leakageFraction * 100)) %")]
        let provenanceRows = provenance.map { [$0.item, $0.value, $0.source, $0.status, $0.note ?? ""] }
        let provenanceHeaders = [l.pick("input", "输入"), l.pick("value", "数值"), l.pick("source", "来源"), l.pick("status", "状态"), l.pick("note", "说明")]
        let (deductionsHeading, simplificationsHeading, inputsHeading) = (l.pick("Deductions over the period", "计入期内扣减"),
                                                                          l.pick("Simplifications", "简化之处"), l.pick("Inputs", "输入"))
        switch format {
        case .json: return try jsonText(self)
        case .csv:
            return ([["year", "project_stock_change_tco2e", "baseline_stock_change_tco2e", "project_emissions_tco2e", "uncertainty_deduction_tco2e",
                      "leakage_tco2e", "credits_tco2e", "revenue_yuan", "price_year"]] + years.map {
                [String($0.year), "\($0.projectStockChange)", "\($0.baselineStockChange)", "\($0.projectEmissions)", "\($0.uncertaintyDeduction)",
                 "\($0.leakage)", "\($0.credits)", "\($0.revenueYuan)", String(priceYear)]
            }).map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md:
            return "# \(markdownText(title))\n\n" + facts.map { "- \(markdownText($0))\n" }.joined() + "\n" + markdownTable(headers, rows)
                + "\n## \(deductionsHeading)\n\n" + deductionLines.map { "- \(markdownText($0))\n" }.joined()
                + "\n## \(simplificationsHeading)\n\n" + simplifications.map { "- \(markdownText($0))\n" }.joined()
                + "\n## \(inputsHeading)\n\n" + markdownTable(provenanceHeaders, provenanceRows)
        case .table:
            var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
            rows.forEach { table.append($0) }
            var inputs = TextTable(headers: provenanceHeaders, alignments: Array(repeating: .left, count: 5))
            provenanceRows.forEach { inputs.append($0) }
            return "\(title)\n" + facts.map { "  \($0)\n" }.joined() + "\n" + table.render()
                + "\n\(l.pick("deductions over the period", deductionsHeading)):\n" + deductionLines.map { "  \($0)\n" }.joined()
                + "\n\(l.pick("simplifications", simplificationsHeading)):\n" + simplifications.map { "  - \($0)\n" }.joined()
                + "\n\(l.pick("inputs", inputsHeading)):\n" + inputs.render()
        case .html:
            return htmlHead(title) + "<h1>\(escapeHTML(title))</h1>\n<ul>\n" + facts.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
                + htmlTable(headers, rows, numericFrom: 1) + "<h2>\(deductionsHeading)</h2>\n<ul>\n"
                + deductionLines.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n<h2>\(simplificationsHeading)</h2>\n<ul>\n"
                + simplifications.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n<h2>\(inputsHeading)</h2>\n"
                + htmlTable(provenanceHeaders, provenanceRows, numericFrom: 5) + "</body>\n</html>\n"
        }
    }
}
