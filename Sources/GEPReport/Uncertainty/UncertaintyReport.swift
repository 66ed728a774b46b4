import Foundation
import GEPCore

/// The result of `gep uncertainty`: the deterministic GEP, summaries of the draws for the total and each service, the
/// uncertain values, and a histogram of the total. Money in 元 at the report year's prices.
public struct UncertaintyReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.uncertainty/1"

    public struct ServiceRow: Sendable, Codable, Equatable {
        public let id: String
        public let deterministicYuan: Double
        public let summary: SampleSummary
    }

    public struct Bin: Sendable, Codable, Equatable {
        public let lowerYuan: Double
        public let upperYuan: Double
        public let count: Int
    }

    public let schema: String
    public let region: String
    public let reportYear: Int
    public let draws: Int
    public let seed: UInt64
    /// Draws a service refused as physically impossible, replaced by new ones.
    public let rejectedDraws: Int
    public let deterministicGEPYuan: Double
    public let total: SampleSummary
    public let services: [ServiceRow]
    public let parameters: [String]
    public let histogram: [Bin]

    public init(_ result: MonteCarloAccount, bins: Int = 20) {
        let account = result.deterministic.account
        schema = UncertaintyReport.schema
        region = result.deterministic.model.region.name
        reportYear = account.reportYear
        draws = result.draws
        seed = result.seed
        rejectedDraws = result.rejectedDraws
        deterministicGEPYuan = account.gep.yuan
        total = result.totalSummary
        services = result.services.enumerated().map { index, id in
            ServiceRow(id: id.rawValue, deterministicYuan: account.value(of: id).yuan, summary: SampleSummary(result.serviceValues[index]))
        }
        parameters = result.parameters.map { "\($0.label): \($0.uncertainty)" }
        // A run has at least one draw; a result without totals gets no histogram rather than a trap.
        guard let low = result.totals.min(), let high = result.totals.max() else {
            histogram = []
            return
        }
        let width = high > low ? (high - low) / Double(bins) : 1
        var counts = [Int](repeating: 0, count: bins)
        for value in result.totals { counts[min(bins - 1, Int((value - low) / width))] += 1 }
        histogram = counts.enumerated().map { Bin(lowerYuan: low + Double($0) * width, upperYuan: low + Double($0 + 1) * width, count: $1) }
    }

    /// The report in `format`, its words in `language`; CSV lists one row per service and one for the total.
    public func render(_ format: ReportFormat, language l: ReportLanguage = .en) throws -> String {
        let headers = [l.pick("service", "服务"), l.pick("deterministic (亿元)", "确定值（亿元）"), l.pick("mean", "均值"), l.pick("median", "中位数"), "5 %", "95 %"]
        let rows = services.map { [$0.id, hundredMillionYuan($0.deterministicYuan)] + figures($0.summary) }
            + [["GEP", hundredMillionYuan(deterministicGEPYuan)] + figures(total)]
        let title = l.pick("\(region) GEP under uncertainty: \(draws) draws (seed \(seed)), \(reportYear) prices",
                           "\(region)GEP不确定性分析：\(draws)次抽样（随机种子\(seed)），\(reportYear)年价格")
        let redrawNote = self.redrawNote(l)
        switch format {
        case .json: return try jsonText(self)
        case .csv:
            let csvRows = [["item", "deterministic_yuan", "mean_yuan", "median_yuan", "p5_yuan", "p95_yuan"]]
                + services.map { [$0.id, "\($0.deterministicYuan)"] + raw($0.summary) } + [["GEP", "\(deterministicGEPYuan)"] + raw(total)]
                + [["(redrawn: physically impossible draws)", "\(rejectedDraws)", "", "", "", ""]]
            return csvRows.map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md:
            return "# \(markdownText(title))\n\n" + markdownTable(headers, rows) + "\n" + parameters.map { "- \(markdownText($0))\n" }.joined() + "\n\(redrawNote)\n"
        case .table:
            var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: 5))
            rows.forEach { table.append($0) }
            return "\(title)\n\n" + table.render() + "\n\(l.pick("uncertain values", "不确定的输入")):\n" + parameters.map { "  \($0)\n" }.joined()
                + "\n\(redrawNote)\n"
        case .html:
            // Bins overlapping the 5–95 % band in the first colour, the others in the second; the deterministic GEP's bin marked.
            let deterministic = histogram.lastIndex { $0.lowerYuan <= deterministicGEPYuan }
            let chart = SVGBarChart(title: l.pick("Distribution of GEP over the draws", "GEP抽样分布"), groups: [SVGBarChart.Group(heading: nil, bars: histogram.enumerated().map { b, bin in
                SVGBarChart.Bar(label: "\(hundredMillionYuan(bin.lowerYuan))–\(hundredMillionYuan(bin.upperYuan)) 亿元", value: Double(bin.count),
                                annotation: "\(bin.count)" + (b == deterministic ? " ◆ \(l.pick("deterministic", "确定值")) \(hundredMillionYuan(deterministicGEPYuan)) 亿元" : ""),
                                series: bin.upperYuan >= total.p5 && bin.lowerYuan <= total.p95 ? 0 : 1)
            })], legend: [l.pick("within the 5–95 % band", "5—95 %区间内") + " (\(hundredMillionYuan(total.p5))–\(hundredMillionYuan(total.p95)) 亿元)", l.pick("outside it", "区间外")])
            return htmlHead(title) + "<h1>\(escapeHTML(title))</h1>\n<section class=\"chart\" id=\"histogram\">\n<h2>\(l.pick("Histogram of GEP", "GEP直方图"))</h2>\n"
                + chart.render() + "\n</section>\n" + htmlTable(headers, rows, numericFrom: 1)
                + "<h2>\(l.pick("Uncertain values", "不确定的输入"))</h2>\n<ul>\n" + parameters.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
                + "<p class=\"note\" id=\"redrawn\">\(escapeHTML(redrawNote))</p>\n</body>\n</html>\n"
        }
    }

    /// How many draws were physically impossible and drawn again, in every format.
    private func redrawNote(_ l: ReportLanguage) -> String {
        l.pick("Physically impossible draws (a service refused their values): \(rejectedDraws), each drawn again, so the "
            + "distributions are truncated to possible values.", "物理上不可能的抽样（服务拒绝其取值）：\(rejectedDraws)次，均已重新抽样，分布截断于可能取值。")
    }

    private func figures(_ s: SampleSummary) -> [String] { [s.mean, s.median, s.p5, s.p95].map(hundredMillionYuan) }
    private func raw(_ s: SampleSummary) -> [String] { [s.mean, s.median, s.p5, s.p95].map { "\($0)" } }
}

/// Pretty, key-sorted JSON with a final newline, as every report prints it.
func jsonText(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
