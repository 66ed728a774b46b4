extension AccountReport {
    /// The account as a workbook: a summary, the services, their priced lines, the units (GEP and each service's
    /// value) and the provenance of every input, one sheet each; money in 元 at the report year's prices.
    public var spreadsheet: Spreadsheet {
        let partial = servicesNotRun.isEmpty ? "" : " (\(Self.partialNote(servicesNotRun.count)))"
        let summary: [[Spreadsheet.Cell]] = [
            [.text("GEP (元)\(partial)"), .number(gepYuan)],
        ] + ["provisioning", "regulating", "cultural"].map { [.text("\($0) (元)"), .number(byCategoryYuan[$0] ?? 0)] } + [
            [.text("GEP per km² (元)"), .number(gepPerSquareKilometreYuan)],
            [.text("GEP per capita (元)"), .number(gepPerCapitaYuan)],
            [.text("GEP / GDP\(partial)"), .number(gepToGDP)],
            [.text("region area (km²)"), .number(region.areaSquareKilometres)],
            [.text("year"), .number(Double(year))],
            [.text("price year"), .number(Double(reportYear))],
            [.text("price book"), .text(priceBook)],
        ] + servicesNotRun.map { [.text("not run: \($0.id)"), .text($0.reason)] }
        let serviceIDs = services.map(\.id)
        return Spreadsheet(sheets: [
            .init(name: "summary", headers: ["item", "value"], rows: summary),
            .init(name: "services", headers: ["service", "name", "名称", "category", "method", "in GEP", "physical amount", "physical unit", "value (元)"],
                  rows: services.map {
                      [.text($0.id), .text($0.name), .text($0.localName), .text($0.category), .text($0.method), .text($0.includedInTotal ? "yes" : "no"),
                       .number($0.physicalAmount), .text($0.physicalUnit), .number($0.valueYuan)]
                  }),
            .init(name: "lines", headers: ["service", "line", "label", "quantity", "unit", "price key", "price (元 per unit)", "value (元)"],
                  rows: services.flatMap { service in
                      service.lines.map { [.text(service.id), .text($0.id), .text($0.label), .number($0.quantity), .text($0.unit), .text($0.priceKey),
                                           .number($0.priceYuan), .number($0.valueYuan)] }
                  }),
            .init(name: "units", headers: ["unit", "name", "名称", "area (km²)", "GEP (元)"] + serviceIDs.map { "\($0) (元)" },
                  rows: units.map { unit in
                      [.text(unit.id), .text(unit.name), unit.localName.map(Spreadsheet.Cell.text) ?? .empty, .number(unit.areaSquareKilometres),
                       .number(unit.gepYuan)] + serviceIDs.map { .number(unit.valueYuan(of: $0)) }
                  }),
            .provenance(provenance),
        ])
    }
}
