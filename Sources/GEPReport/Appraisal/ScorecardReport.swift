import Foundation
import GEPCore

/// A GEP appraisal scorecard of a region's units over two years: the output of `gep scorecard`.
public struct ScorecardReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.scorecard/1"

    public let schema: String
    public let region: String
    public let year: Int
    public let baseYear: Int
    public let priceYear: Int
    /// Indicator → weight, as given.
    public let weights: [String: Double]
    /// The services counted, when a standard restricts them; nil for every service the model runs.
    public let scoredServices: [String]?
    public let rows: [Scorecard.Row]
    /// Each unit's local name (or name), by id.
    public let names: [String: String]

    public init(region: String, year: Int, baseYear: Int, priceYear: Int, names: [String], card: Scorecard,
                weights: [(Scorecard.Indicator, Double)], scoredServices: Set<String>?) {
        schema = Self.schema
        self.region = region
        self.year = year
        self.baseYear = baseYear
        self.priceYear = priceYear
        self.weights = Dictionary(weights.map { ("\($0.0)", $0.1) }, uniquingKeysWith: +)
        self.scoredServices = scoredServices?.sorted()
        rows = card.rows
        self.names = Dictionary(zip(card.rows.map(\.id), names), uniquingKeysWith: { first, _ in first })
    }

    /// The scorecard in `format`, its words in `language`.
    public func render(_ format: ReportFormat, language l: ReportLanguage = .en) throws -> String {
        let scope = scoredServices.map { l.pick("GEP of \($0.joined(separator: ", ")) only", "仅计\($0.joined(separator: "、"))的GEP") }
            ?? l.pick("GEP of every service run", "所有已核算服务的GEP")
        let title = l.pick("\(region) GEP scorecard, \(year) against \(baseYear), at constant \(priceYear) prices (\(scope))",
                           "\(region)GEP考核评分：\(year)年对比\(baseYear)年，按\(priceYear)年不变价格（\(scope)）")
        let weighting = l.pick("score = ", "得分 = ") + weights.sorted { $0.key < $1.key }.map { "\(formatNumber($0.value)) × \($0.key)" }.joined(separator: " + ")
            + l.pick(", each rescaled 0–1 over the units", "，各指标在单元间归一化至0—1")
        let (yes, no, unknown) = (l.pick("yes", "是"), l.pick("no", "否"), l.pick("n/a (no unit GDP)", "无（无单元GDP）"))
        let headers = [l.pick("rank", "排名"), l.pick("unit", "单元"), "名称", "GEP (亿元)", l.pick("real growth", "实际增长"), l.pick("GEP per km² (万元)", "单位面积GEP（万元/km²）"),
                       "GEP / GDP", l.pick("GDP and GEP both grew", "GDP与GEP双增长"), l.pick("score", "得分"), l.pick("band", "等级")]
        let rowsText = rows.sorted { $0.rank < $1.rank }.map { row in
            [String(row.rank), row.id, names[row.id] ?? row.id, hundredMillionYuan(row.gepYuan), String(format: "%+.2f %%", row.realGrowthPercent),
             String(format: "%.2f", row.gepPerSquareKilometre / 1e4), row.gepToGDP.map { formatNumber($0, significant: 3) } ?? "n/a",
             row.bothGrew.map { $0 ? yes : no } ?? unknown, String(format: "%.3f", row.score), row.band ?? "–"]
        }
        switch format {
        case .json: return try jsonText(self)
        case .csv:
            return ([["rank", "unit", "gep_yuan", "previous_gep_yuan", "real_growth_percent", "gep_per_km2_yuan", "gep_to_gdp", "both_grew", "score", "band", "year",
                      "base_year", "price_year"]] + rows.map {
                [String($0.rank), $0.id, "\($0.gepYuan)", "\($0.previousGEPYuan)", "\($0.realGrowthPercent)", "\($0.gepPerSquareKilometre)",
                 $0.gepToGDP.map { "\($0)" } ?? "", $0.bothGrew.map { "\($0)" } ?? "", "\($0.score)", $0.band ?? "", String(year), String(baseYear), String(priceYear)]
            }).map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md: return "# \(markdownText(title))\n\n\(markdownText(weighting))\n\n" + markdownTable(headers, rowsText)
        case .table:
            var table = TextTable(headers: headers, alignments: [.right, .left, .left, .right, .right, .right, .right, .left, .right, .left])
            rowsText.forEach { table.append($0) }
            return "\(title)\n\(weighting)\n\n" + table.render()
        case .html:
            let chart = SVGBarChart(title: l.pick("score", "得分"), groups: [SVGBarChart.Group(heading: nil, bars: rows.sorted { $0.rank < $1.rank }.map {
                SVGBarChart.Bar(label: $0.id, value: $0.score, annotation: String(format: "%.3f", $0.score))
            })])
            return htmlHead(title) + "<h1>\(escapeHTML(title))</h1>\n<p>\(escapeHTML(weighting))</p>\n<section class=\"chart\" id=\"scores\">\n"
                + chart.render() + "\n</section>\n" + htmlTable(headers, rowsText, numericFrom: 3) + "</body>\n</html>\n"
        }
    }
}
