extension AccountReport {
    /// Terminal output: headline, services, units, warnings, and provenance when asked.
    func renderTable(provenance showProvenance: Bool) -> String {
        var text = "\(title)\n"
        text += "prices: \(priceBook)\(deflator.map { "; restated with \($0)" } ?? "")\n\n"
        var headlineTable = TextTable(headers: ["", "value"], alignments: [.left, .right])
        for row in headline { headlineTable.append([row.label, row.value]) }
        text += headlineTable.render() + "\n"

        var serviceTable = TextTable(headers: ["service", "名称", "method", "physical amount", "price", "value (亿元)", "share"],
                                     alignments: [.left, .left, .left, .right, .left, .right, .right])
        for service in services {
            let prices = service.lines.map { "\(formatNumber($0.priceYuan, significant: 4)) 元/\($0.unit)" }
            let uniquePrices = prices.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            serviceTable.append([service.id, service.localName, service.method,
                                 formatAmount(service.physicalAmount, unit: service.physicalUnit),
                                 uniquePrices.joined(separator: "; "), hundredMillionYuan(service.valueYuan), share(service)])
        }
        text += serviceTable.render() + "\n"
        if !servicesNotRun.isEmpty { text += "services not run:\n" + notRunLines.map { "  \($0)\n" }.joined() + "\n" }

        var unitTable = TextTable(headers: ["unit", "名称", "area (km²)", "GEP (亿元)", "GEP per km² (万元)"],
                                  alignments: [.left, .left, .right, .right, .right])
        for unit in units {
            unitTable.append([unit.id, unit.localName ?? "", formatNumber(unit.areaSquareKilometres, significant: 6),
                              hundredMillionYuan(unit.gepYuan),
                              unit.areaSquareKilometres > 0 ? formatNumber(unit.gepYuan / unit.areaSquareKilometres / 1e4, significant: 4) : "n/a"])
        }
        text += unitTable.render()

        if !warnings.isEmpty {
            text += "\nwarnings:\n" + warnings.map { "  \($0.service) / \($0.unit): \($0.message)\n" }.joined()
        }
        if showProvenance {
            var table = TextTable(headers: ["scope", "item", "value", "status", "year", "source", "note"])
            for row in provenance {
                table.append([row.scope ?? "", row.item, row.value, row.status, row.year.map(String.init) ?? "", row.source, row.note ?? ""])
            }
            text += "\nprovenance:\n" + table.render()
        }
        return text
    }
}
