extension AccountReport {
    /// Markdown: headline, services, units, warnings and provenance as pipe tables.
    func renderMarkdown() -> String {
        var text = "# \(markdownText(title))\n\nPrices: " + markdownText("\(priceBook)\(deflator.map { "; restated with \($0)" } ?? "")") + ".\n\n"
        text += table(["", "value"], headline.map { [$0.label.trimmingCharacters(in: .whitespaces), $0.value] })
        text += "\n## Services\n\n"
        text += table(["service", "名称", "method", "physical amount", "value (亿元)", "share"], services.map {
            [$0.id, $0.localName, $0.method, formatAmount($0.physicalAmount, unit: $0.physicalUnit), hundredMillionYuan($0.valueYuan), share($0)]
        })
        if !servicesNotRun.isEmpty {
            text += "\n## Services not run (the account is partial)\n\n" + notRunLines.map { "- " + markdownText($0) + "\n" }.joined()
        }
        text += "\n## Accounting units\n\n"
        text += table(["unit", "名称", "area (km²)", "GEP (亿元)"], units.map {
            [$0.id, $0.localName ?? "", formatNumber($0.areaSquareKilometres), hundredMillionYuan($0.gepYuan)]
        })
        if !warnings.isEmpty {
            text += "\n## Warnings\n\n" + warnings.map { "- " + markdownText("\($0.service) / \($0.unit): \($0.message)") + "\n" }.joined()
        }
        text += "\n## Provenance\n\n"
        text += table(["scope", "item", "value", "status", "year", "source", "note"], provenance.map {
            [$0.scope ?? "", $0.item, $0.value, $0.status, $0.year.map(String.init) ?? "", $0.source, $0.note ?? ""]
        })
        return text
    }

    private func table(_ headers: [String], _ rows: [[String]]) -> String { markdownTable(headers, rows) }
}
