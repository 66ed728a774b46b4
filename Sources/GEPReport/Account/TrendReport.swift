import Foundation
import GEPCore

/// GEP by year at constant prices, with growth rates and GEP/GDP: the output of `gep trend`.
public struct TrendReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.trend/1"

    public struct Year: Sendable, Codable, Equatable {
        public let year: Int
        public let gepYuan: Double
        /// Change on the previous year held, in percent; absent for the first year.
        public let growthPercent: Double?
        public let gepToGDP: Double?
        public let byCategoryYuan: [String: Double]
        /// Each service's value, summed into GEP or not (oxygen release under the final-product rule).
        public let byServiceYuan: [String: Double]
    }

    public let schema: String
    public let region: String
    /// The constant prices every year is valued at.
    public let priceYear: Int
    public let years: [Year]
    /// The services the model file does not run (the same every year): when any, each year's GEP and GEP/GDP are
    /// partial, and every format says so.
    public let servicesNotRun: [String]
    /// The services run, in the model's order (the keys of each year's `byServiceYuan`).
    public let services: [String]

    /// - Precondition: the reports are of one region at one report year, in year order.
    public init(_ reports: [AccountReport]) {
        precondition(!reports.isEmpty, "a trend needs at least one year")
        schema = TrendReport.schema
        region = reports[0].region.name
        priceYear = reports[0].reportYear
        servicesNotRun = reports[0].servicesNotRun.map(\.id)
        services = reports[0].services.map(\.id)
        years = reports.indices.map { i in
            let previous = i > 0 ? reports[i - 1].gepYuan : nil
            return Year(year: reports[i].year, gepYuan: reports[i].gepYuan,
                        growthPercent: previous.flatMap { $0 == 0 ? nil : realGrowthPercent(reports[i].gepYuan, over: $0) },
                        gepToGDP: reports[i].gepToGDP, byCategoryYuan: reports[i].byCategoryYuan,
                        byServiceYuan: Dictionary(uniqueKeysWithValues: reports[i].services.map { ($0.id, $0.valueYuan) }))
        }
    }

    /// The trend in `format`, its words in `language` (CSV and JSON are the same in both).
    public func render(_ format: ReportFormat, language: ReportLanguage = .en) throws -> String {
        let zh = language == .zh, partialYears = !servicesNotRun.isEmpty
        let partial = !partialYears ? "" : zh ? "；不完整：\(servicesNotRun.count)项服务未核算（\(servicesNotRun.joined(separator: "、"))）"
            : "; \(AccountReport.partialNote(servicesNotRun.count)) (\(servicesNotRun.joined(separator: ", ")))"
        let title = (zh ? "\(region)各年生态系统生产总值（按\(priceYear)年不变价格）" : "\(region) GEP by year at constant \(priceYear) prices") + partial
        let headers = zh ? ["年份", partialYears ? "GEP（亿元，部分）" : "GEP（亿元）", "实际增长", partialYears ? "GEP/GDP（部分）" : "GEP/GDP"]
            : ["year", partialYears ? "GEP (亿元, partial)" : "GEP (亿元)", "growth", partialYears ? "GEP / GDP (partial)" : "GEP / GDP"]
        let rows = years.map { [String($0.year), hundredMillionYuan($0.gepYuan), $0.growthPercent.map { String(format: "%+.2f %%", $0) } ?? "–",
                                $0.gepToGDP.map { formatNumber($0, significant: 3) } ?? (zh ? "无" : "n/a")] }
        switch format {
        case .json: return try jsonText(self)
        case .csv:
            return ([["year", "gep_yuan", "growth_percent", "gep_to_gdp", "price_year", "services_not_run"]] + years.map {
                [String($0.year), "\($0.gepYuan)", $0.growthPercent.map { "\($0)" } ?? "", $0.gepToGDP.map { "\($0)" } ?? "", String(priceYear),
                 servicesNotRun.joined(separator: " ")]
            }).map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md: return "# \(markdownText(title))\n\n" + markdownTable(headers, rows)
        case .table:
            var table = TextTable(headers: headers, alignments: [.left, .right, .right, .right])
            rows.forEach { table.append($0) }
            return "\(title)\n\n" + table.render()
        case .html:
            // A line per service at the constant prices, so that the service that moved GEP shows.
            let chart = SVGLineChart(title: zh ? "各服务价值量（\(priceYear)年不变价格）" : "Value by service at constant \(priceYear) prices",
                                     xLabels: years.map { String($0.year) },
                                     series: services.map { id in SVGLineChart.Series(name: id, values: years.map { $0.byServiceYuan[id] ?? .nan }) },
                                     unit: zh ? "亿元（\(priceYear)年价格）" : "亿元 (\(priceYear) prices)", divisor: 1e8)
            return htmlHead(title) + "<h1>\(escapeHTML(title))</h1>\n<section class=\"chart\" id=\"trend\">\n" + chart.render()
                + "\n</section>\n" + htmlTable(headers, rows, numericFrom: 1) + "</body>\n</html>\n"
        }
    }
}
