import GEPCore

/// The result of `gep sensitivity`: each uncertain value's elasticity and its first- and total-order Sobol indices of
/// GEP with bootstrap confidence intervals, and the share of the variance left to interactions.
public struct SensitivityReport: Sendable, Codable, Equatable {
    /// Version 2: the indices are objects with their intervals (version 1 printed bare, uncentred first-order indices).
    public static let schema = "gepkit.sensitivity/2"

    public struct Row: Sendable, Codable, Equatable {
        public let parameter: String
        public let distribution: String
        public let elasticity: Double
        public let firstOrder: SobolIndices.Estimate
        public let totalOrder: SobolIndices.Estimate
    }

    public let schema: String
    public let region: String
    public let samples: Int
    public let bootstrapResamples: Int
    public let confidenceLevel: Double
    /// Rows of the estimator drawn again because a service refused them as physically impossible.
    public let rejectedSamples: Int
    public let deterministicGEPYuan: Double
    /// 1 − ΣSᵢ, with its interval.
    public let interaction: SobolIndices.Estimate
    /// Largest |elasticity| first.
    public let rows: [Row]

    public init(_ analysis: SensitivityAnalysis, region: String, deterministicGEPYuan: Double) {
        schema = SensitivityReport.schema
        self.region = region
        samples = analysis.samples
        bootstrapResamples = analysis.sobol.bootstrapResamples
        confidenceLevel = analysis.sobol.confidenceLevel
        rejectedSamples = analysis.sobol.rejectedSamples
        self.deterministicGEPYuan = deterministicGEPYuan
        interaction = analysis.sobol.interaction
        rows = analysis.parameters.indices.map {
            Row(parameter: analysis.parameters[$0].label, distribution: String(describing: analysis.parameters[$0].uncertainty),
                elasticity: analysis.elasticities[$0], firstOrder: analysis.sobol.firstOrder[$0], totalOrder: analysis.sobol.totalOrder[$0])
        }.sorted { abs($0.elasticity) > abs($1.elasticity) }
    }

    private var level: String { "\(formatNumber(confidenceLevel * 100)) %" }

    private func notes(_ l: ReportLanguage) -> [String] {
        var notes = [
            l.pick("Sobol indices: first order Sᵢ by Saltelli et al. (2010), total order S_Tᵢ by Jansen (1999), on centred outputs; "
                + "\(level) percentile bootstrap intervals over \(bootstrapResamples) resamples of the \(samples) rows.",
                   "Sobol指数：一阶Sᵢ按Saltelli等（2010），全阶S_Tᵢ按Jansen（1999），输出中心化；\(level)百分位自助区间，\(samples)行重抽样\(bootstrapResamples)次。"),
            l.pick("Interactions (1 − ΣSᵢ): ", "交互作用（1 − ΣSᵢ）：") + Self.format(interaction) + l.pick(".", "。"),
        ]
        if rows.contains(where: { $0.firstOrder.isUncertain || $0.totalOrder.isUncertain }) {
            notes.append(l.pick("* The interval is wider than the index: the sample cannot tell this index from zero or rank it; raise --samples.",
                                "* 区间宽于指数本身：样本无法把该指数与零区分或排序；请增大 --samples。"))
        }
        if rejectedSamples > 0 {
            notes.append(l.pick("\(rejectedSamples) \(rejectedSamples == 1 ? "row was" : "rows were") physically impossible (a service refused their values) and drawn again: "
                + "the indices are those of the distributions truncated to possible values.",
                                "\(rejectedSamples)行物理上不可能（服务拒绝其取值），已重新抽样：指数为截断于可能取值的分布的指数。"))
        }
        return notes
    }

    /// The report in `format`, its words in `language`.
    public func render(_ format: ReportFormat, language l: ReportLanguage = .en) throws -> String {
        let title = l.pick("\(region) GEP sensitivity: elasticities and Sobol indices (\(samples) samples)", "\(region)GEP敏感性分析：弹性与Sobol指数（\(samples)个样本）")
        let headers = [l.pick("value", "输入"), l.pick("elasticity", "弹性"), "Sᵢ", l.pick("\(level) interval", "\(level)区间"), "S_Tᵢ",
                       l.pick("\(level) interval", "\(level)区间"), l.pick("distribution", "分布")]
        let notes = notes(l)
        let table = rows.map { row in
            [row.parameter, formatNumber(row.elasticity, significant: 4)] + Self.cells(row.firstOrder) + Self.cells(row.totalOrder) + [row.distribution]
        }
        switch format {
        case .json: return try jsonText(self)
        case .csv:
            let header = ["parameter", "elasticity", "first_order", "first_order_lower", "first_order_upper",
                          "total_order", "total_order_lower", "total_order_upper", "distribution"]
            let lines = rows.map { row in
                [row.parameter, "\(row.elasticity)"] + Self.raw(row.firstOrder) + Self.raw(row.totalOrder) + [row.distribution]
            } + [["(interactions: 1 − sum of first order)", ""] + Self.raw(interaction) + ["", "", "", ""],
                 ["(redrawn: physically impossible rows)", "\(rejectedSamples)", "", "", "", "", "", "", ""]]
            return ([header] + lines).map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md:
            return "# \(markdownText(title))\n\n" + markdownTable(headers, table) + "\n" + notes.map { "- \(markdownText($0))\n" }.joined()
        case .table:
            var text = TextTable(headers: headers, alignments: [.left, .right, .right, .right, .right, .right, .left])
            table.forEach { text.append($0) }
            return "\(title)\nGEP \(hundredMillionYuan(deterministicGEPYuan)) 亿元\n\n" + text.render() + "\n" + notes.map { "\($0)\n" }.joined()
        case .html:
            let tornado = SVGBarChart(title: l.pick("Tornado: elasticity of GEP", "龙卷风图：GEP弹性"), groups: [SVGBarChart.Group(heading: nil, bars: rows.map {
                SVGBarChart.Bar(label: $0.parameter, value: $0.elasticity, annotation: formatNumber($0.elasticity, significant: 3))
            })])
            return htmlHead(title) + "<h1>\(escapeHTML(title))</h1>\n<section class=\"chart\" id=\"tornado\">\n<h2>\(l.pick("Elasticities", "弹性"))</h2>\n"
                + tornado.render() + "\n</section>\n<section id=\"sobol\">\n<h2>\(l.pick("Sobol indices", "Sobol指数"))</h2>\n" + htmlIndexTable(headers)
                + notes.map { "<p class=\"note\">\(escapeHTML($0))</p>\n" }.joined() + "</section>\n</body>\n</html>\n"
        }
    }

    /// The index table with each index beside its interval; an index whose interval is wider than itself is marked
    /// (class `uncertain` and a "*").
    private func htmlIndexTable(_ headers: [String]) -> String {
        var html = "<table>\n<tr>" + headers.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr>\n"
        for row in rows {
            let indexCells = [row.firstOrder, row.totalOrder].map { estimate in
                let style = estimate.isUncertain ? "number uncertain" : "number"
                let cells = Self.cells(estimate)
                return "<td class=\"\(style)\">\(escapeHTML(cells[0]))</td><td class=\"\(style)\">\(escapeHTML(cells[1]))</td>"
            }
            html += "<tr><td>\(escapeHTML(row.parameter))</td><td class=\"number\">\(formatNumber(row.elasticity, significant: 4))</td>"
                + indexCells.joined() + "<td>\(escapeHTML(row.distribution))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The index (with "*" when its interval is wider than itself) and "[lower, upper]".
    private static func cells(_ estimate: SobolIndices.Estimate) -> [String] {
        [formatNumber(estimate.value, significant: 3) + (estimate.isUncertain ? " *" : ""),
         "[\(formatNumber(estimate.lower, significant: 3)), \(formatNumber(estimate.upper, significant: 3))]"]
    }

    private static func format(_ estimate: SobolIndices.Estimate) -> String { cells(estimate).joined(separator: " ") }

    private static func raw(_ estimate: SobolIndices.Estimate) -> [String] { ["\(estimate.value)", "\(estimate.lower)", "\(estimate.upper)"] }
}
