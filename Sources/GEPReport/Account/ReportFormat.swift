import Foundation
/// The output formats of `gep account`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// One row per unit and service, for spreadsheets.
    case csv
    /// The ``AccountReport`` structure, schema `gepkit.account/1`.
    case json
    /// GitHub-flavoured Markdown tables.
    case md
    /// One self-contained HTML page with inline SVG charts.
    case html
}

extension ReportFormat {
    /// The format a file name's extension stands for (`.csv`, `.json`, `.md` or `.markdown`, `.html` or `.htm`, `.txt`
    /// for a table); nil for any other.
    public init?(fileExtension path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "md", "markdown": self = .md
        case "html", "htm": self = .html
        case "txt": self = .table
        default: return nil
        }
    }
}

extension AccountReport {
    /// The report in `format`. The table lists provenance only when `provenance` is true; the other formats always
    /// carry it. In Chinese (``ReportLanguage/zh``) the table, Markdown and HTML follow the layout of GB/T 46869's
    /// accounting report, always with the data-source annex; CSV and JSON are the same in both languages.
    public func render(_ format: ReportFormat, provenance: Bool = false, language: ReportLanguage = .en) throws -> String {
        try renderText(format, provenance: provenance, language: language).string
    }

    /// ``render(_:provenance:language:)`` as the pieces it is made in: the CSV's unit rows as bytes, one piece per
    /// core, for a writer that writes them without joining them (``ReportText``).
    public func renderText(_ format: ReportFormat, provenance: Bool = false, language: ReportLanguage = .en) throws -> ReportText {
        if language == .zh, [.table, .md, .html].contains(format) { return ReportText(renderChinese(format)) }
        switch format {
        case .table: return ReportText(renderTable(provenance: provenance))
        case .csv: return ReportText(pieces: renderCSV())
        case .json: return ReportText(try renderJSON())
        case .md: return ReportText(renderMarkdown())
        case .html: return ReportText(renderHTML())
        }
    }

    /// The headline lines every format shows: total, categories, per km², per capita, GEP/GDP. A partial account
    /// (services not run) says so on the total and on GEP/GDP, which compare it with a whole economy.
    var headline: [(label: String, value: String)] {
        let partial = servicesNotRun.isEmpty ? "" : " (\(Self.partialNote(servicesNotRun.count)))"
        var rows: [(String, String)] = [("GEP", "\(hundredMillionYuan(gepYuan)) 亿元\(partial)")]
        for category in ["provisioning", "regulating", "cultural"] {
            rows.append(("  \(category)", "\(hundredMillionYuan(byCategoryYuan[category] ?? 0)) 亿元"))
        }
        rows.append(("GEP per km²", gepPerSquareKilometreYuan.map { "\(formatAmount($0, unit: "元"))/km²" } ?? "n/a (no area)"))
        rows.append(("GEP per capita", gepPerCapitaYuan.map { "\(formatAmount($0, unit: "元")) per person" } ?? "n/a (no population)"))
        rows.append(("GEP / GDP", gepToGDP.map { formatNumber($0, significant: 3) + partial } ?? "n/a (no GDP)"))
        return rows
    }

    /// "- climate-regulation (climate regulation): no cooling demand", one per service not run.
    var notRunLines: [String] { servicesNotRun.map { "\($0.id) (\($0.name)): \($0.reason)" } }

    /// "partial: 6 services not run": what every total of an account that leaves services out says (``TrendReport`` too).
    static func partialNote(_ notRun: Int) -> String { "partial: \(notRun) service\(notRun == 1 ? "" : "s") not run" }

    /// "Genhe (根河市), 2022, at 2022 prices".
    var title: String {
        let name = region.localName.map { "\(region.name) (\($0))" } ?? region.name
        return "\(name) GEP account, \(year), at \(reportYear) prices"
    }

    /// Share of GEP, or "not summed" for services left out of the total.
    func share(_ service: ServiceRow) -> String {
        guard service.includedInTotal else { return "not summed" }
        return gepYuan == 0 ? "–" : String(format: "%.1f %%", service.valueYuan / gepYuan * 100)
    }
}
