extension CompensationReport {
    /// The comparison as a workbook: each unit's amount under each scheme, each scheme's metrics, the rank agreement
    /// between schemes and the inputs' provenance; money in 元 at the budget's price year.
    public var spreadsheet: Spreadsheet {
        Spreadsheet(sheets: [
            .init(name: "amounts", headers: ["unit", "name", "名称", "GEP (元)", "area (km²)", "population"] + schemes.map { "\($0.id) (元)" },
                  rows: units.enumerated().map { u, unit in
                      [.text(unit.id), .text(unit.name), unit.localName.map(Spreadsheet.Cell.text) ?? .empty, .number(unit.gepYuan),
                       .number(unit.areaSquareKilometres), .number(unit.population)] + schemes.map { .number($0.amountsYuan[u]) }
                  }),
            .init(name: "metrics", headers: ["scheme", "total (元)", "within budget", "Gini", "coefficient of variation", "compensation / GEP",
                                             "compensation / opportunity cost", "summary"],
                  rows: schemes.map {
                      [.text($0.id), .number($0.totalYuan), .text($0.budgetConstrained ? "yes" : "no"), .number($0.gini), .number($0.coefficientOfVariation),
                       .number($0.compensationToGEP), .number($0.compensationToOpportunityCost), .text($0.summary)]
                  }),
            .init(name: "rank agreement", headers: ["first", "second", "Spearman ρ"],
                  rows: rankAgreement.map { [.text($0.first), .text($0.second), .number($0.spearman)] }),
            .init(name: "budget", headers: ["item", "value"],
                  rows: [[.text("budget (元)"), .number(budgetYuan)], [.text("price year"), .number(Double(priceYear))], [.text("name"), .text(name)]]),
            .provenance(provenance),
        ])
    }
}
