import GEPCore

/// A region's GEP service by service under several price books side by side: the same physical account valued by
/// each (`gep account MODEL --compare-prices BOOK`), so that a choice of prices (the 2003 discharge fee or the 2018
/// environmental tax; the carbon market or the afforestation shadow price) shows in the totals.
public struct PriceComparisonReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.price-comparison/1"

    /// A service's value under each book, in book order.
    public struct Service: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let includedInTotal: Bool
        public let valuesYuan: [Double]
    }

    public let schema: String
    public let region: String
    public let reportYear: Int
    /// The books' names, the model's own first.
    public let priceBooks: [String]
    public let services: [Service]
    public let gepYuan: [Double]
    public let servicesNotRun: [String]

    /// - Precondition: the accounts are of one model under different prices, the model's own book first.
    public init(_ reports: [AccountReport]) {
        precondition(!reports.isEmpty, "a comparison needs at least one account")
        schema = Self.schema
        region = reports[0].region.name
        reportYear = reports[0].reportYear
        priceBooks = reports.map(\.priceBook)
        services = reports[0].services.map { service in
            Service(id: service.id, name: service.name, includedInTotal: service.includedInTotal,
                    valuesYuan: reports.map { report in report.services.first { $0.id == service.id }?.valueYuan ?? 0 })
        }
        gepYuan = reports.map(\.gepYuan)
        servicesNotRun = reports[0].servicesNotRun.map(\.id)
    }

    /// The comparison in `format`, its words in `language`.
    public func render(_ format: ReportFormat, language l: ReportLanguage = .en) throws -> String {
        let partial = servicesNotRun.isEmpty ? "" : l.pick(" (\(AccountReport.partialNote(servicesNotRun.count)): \(servicesNotRun.joined(separator: ", ")))",
                                                           "（不完整：\(servicesNotRun.count)项服务未核算：\(servicesNotRun.joined(separator: "、"))）")
        let title = l.pick("\(region) GEP at \(reportYear) prices under \(priceBooks.count) price books", "\(region)GEP在\(priceBooks.count)套价格下的比较（\(reportYear)年价格）") + partial
        // Each alternative book's value, then its change on the model's own book.
        let headers = [l.pick("service", "服务"), l.pick("book 1 (亿元)", "价格1（亿元）")]
            + priceBooks.indices.dropFirst().flatMap { [l.pick("book \($0 + 1) (亿元)", "价格\($0 + 1)（亿元）"), l.pick("vs book 1", "较价格1")] }
        func cells(_ values: [Double]) -> [String] {
            [hundredMillionYuan(values[0])] + values.dropFirst().flatMap { value in
                [hundredMillionYuan(value), values[0] == 0 ? "–" : String(format: "%+.1f %%", (value - values[0]) / values[0] * 100)]
            }
        }
        let rows = services.map { [$0.name + ($0.includedInTotal ? "" : l.pick(" (not in GEP)", "（不计入GEP）"))] + cells($0.valuesYuan) } + [["GEP"] + cells(gepYuan)]
        let legend = priceBooks.enumerated().map { l.pick("book \($0 + 1): ", "价格\($0 + 1)：") + $1 }
        switch format {
        case .json: return try jsonText(self)
        case .csv:
            return ([["service", "in_gep"] + priceBooks] + services.map { service in
                [service.id, service.includedInTotal ? "true" : "false"] + service.valuesYuan.map { "\($0)" }
            } + [["gep", "true"] + gepYuan.map { "\($0)" }]).map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md: return "# \(markdownText(title))\n\n" + legend.map { "- \(markdownText($0))\n" }.joined() + "\n" + markdownTable(headers, rows)
        case .table:
            var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
            rows.forEach { table.append($0) }
            return "\(title)\n" + legend.map { "  \($0)\n" }.joined() + "\n" + table.render()
        case .html:
            return htmlHead(title) + "<h1>\(escapeHTML(title))</h1>\n<ul>\n" + legend.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
                + htmlTable(headers, rows, numericFrom: 1) + "</body>\n</html>\n"
        }
    }
}
