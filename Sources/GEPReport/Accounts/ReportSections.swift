import Foundation

/// A report made of titled tables, each with an optional chart: rendered the same way as a table, Markdown or HTML,
/// and as one long CSV (section, row, column, value) that a spreadsheet or `groupby` reads without double counting.
struct ReportSection {
    /// A stable id, the CSV's first column and the HTML section's id.
    let id: String
    let title: String
    let note: String?
    let headers: [String]
    let rows: [[String]]
    /// The columns that hold numbers (right-aligned, on one line); the others wrap.
    var numeric = 1..<Int.max
    var chart: SVGBarChart?

    static func render(title: String, lead: [String], sections: [ReportSection], as format: ReportFormat) -> String {
        switch format {
        case .json: preconditionFailure("JSON is encoded from the report's fields")
        case .csv:
            var lines = [["section", "row", "column", "value"]]
            for section in sections {
                for row in section.rows {
                    for (header, cell) in zip(section.headers, row).dropFirst() { lines.append([section.id, row.first ?? "", header, cell]) }
                }
            }
            return lines.map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md:
            return "# \(markdownText(title))\n\n" + lead.map { markdownText($0) + "\n\n" }.joined() + sections.map { section in
                "## \(markdownText(section.title))\n\n" + (section.note.map { markdownText($0) + "\n\n" } ?? "") + markdownTable(section.headers, section.rows) + "\n"
            }.joined()
        case .table:
            return "\(title)\n" + lead.map { "\($0)\n" }.joined() + sections.map { section in
                var table = TextTable(headers: section.headers, alignments: section.headers.indices.map { section.numeric.contains($0) ? .right : .left })
                section.rows.forEach { table.append($0) }
                return "\n\(section.title)\n" + (section.note.map { "\($0)\n" } ?? "") + table.render()
            }.joined()
        case .html:
            return htmlHead(title) + "<h1>\(escapeHTML(title))</h1>\n" + lead.map { "<p>\(escapeHTML($0))</p>\n" }.joined() + sections.map { section in
                "<section id=\"\(section.id)\">\n<h2>\(escapeHTML(section.title))</h2>\n" + (section.note.map { "<p>\(escapeHTML($0))</p>\n" } ?? "")
                    + (section.chart.map { "<div class=\"chart\">\n\($0.render())\n</div>\n" } ?? "")
                    + htmlTable(section.headers, section.rows, numeric: section.numeric) + "</section>\n"
            }.joined() + "</body>\n</html>\n"
        }
    }
}
