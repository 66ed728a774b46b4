import GEPCore

/// The result of `gep sensitivity`: each uncertain value's elasticity and first-order Sobol index for GEP.
public struct SensitivityReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.sensitivity/1"

    public struct Row: Sendable, Codable, Equatable {
        public let parameter: String
        public let distribution: String
        public let elasticity: Double
        public let sobolFirstOrder: Double
    }

    public let schema: String
    public let region: String
    public let samples: Int
    public let deterministicGEPYuan: Double
    /// Largest |elasticity| first.
    public let rows: [Row]

    public init(_ analysis: SensitivityAnalysis, region: String, deterministicGEPYuan: Double) {
        schema = SensitivityReport.schema
        self.region = region
        samples = analysis.samples
        self.deterministicGEPYuan = deterministicGEPYuan
        rows = analysis.parameters.indices.map {
            Row(parameter: analysis.parameters[$0].label, distribution: describe(analysis.parameters[$0].uncertainty),
                elasticity: analysis.elasticities[$0], sobolFirstOrder: analysis.sobol[$0])
        }.sorted { abs($0.elasticity) > abs($1.elasticity) }
    }

    public func render(_ format: ReportFormat) throws -> String {
        let title = "\(region) GEP sensitivity: elasticities and first-order Sobol indices (\(samples) samples)"
        let headers = ["value", "elasticity", "Sobol Sᵢ", "distribution"]
        let table = rows.map { [$0.parameter, formatNumber($0.elasticity, significant: 4), formatNumber($0.sobolFirstOrder, significant: 3), $0.distribution] }
        switch format {
        case .json: return try jsonText(self)
        case .csv:
            return ([["parameter", "elasticity", "sobol_first_order", "distribution"]] + rows.map { [$0.parameter, "\($0.elasticity)", "\($0.sobolFirstOrder)", $0.distribution] })
                .map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md: return "# \(title)\n\n" + markdownTable(headers, table)
        case .table:
            var text = TextTable(headers: headers, alignments: [.left, .right, .right, .left])
            table.forEach { text.append($0) }
            return "\(title)\nGEP \(hundredMillionYuan(deterministicGEPYuan)) 亿元\n\n" + text.render()
        case .html:
            let tornado = SVGBarChart(title: "Tornado: elasticity of GEP", groups: [SVGBarChart.Group(heading: nil, bars: rows.map {
                SVGBarChart.Bar(label: $0.parameter, value: $0.elasticity, annotation: formatNumber($0.elasticity, significant: 3))
            })])
            return htmlHead(title) + "<h1>\(escapeHTML(title))</h1>\n<section class=\"chart\" id=\"tornado\">\n<h2>Elasticities</h2>\n"
                + tornado.render() + "\n</section>\n" + htmlTable(headers, table, numericFrom: 1) + "</body>\n</html>\n"
        }
    }
}
