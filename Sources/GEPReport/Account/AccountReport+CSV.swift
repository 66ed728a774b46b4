extension AccountReport {
    /// The CSV header: `level` says whether a row is a unit's (`unit`) or the region's total (`region`), so that a
    /// sum over the rows of one level counts each amount once; values in 元 at report-year prices.
    static let csvHeader = ["level", "unit", "name", "local_name", "area_km2", "service", "category", "method", "in_total",
                            "physical_amount", "physical_unit", "value_yuan", "price_year"]

    /// RFC 4180 CSV: one row per unit and service, then the region's total per service and its GEP.
    func renderCSV() -> String {
        var text = ""
        text.reserveCapacity(100 * (units.count + 1) * max(1, services.count))
        func append(_ row: [String]) {
            for (i, field) in row.enumerated() {
                if i > 0 { text += "," }
                text += csvEscape(field)
            }
            text += "\r\n"
        }
        append(AccountReport.csvHeader)
        // The text fields of a service are the same in every unit: escaped once.
        let serviceFields = services.map { service in
            [service.id, service.category, service.method, String(service.includedInTotal)].map(csvEscape).joined(separator: ",")
        }
        let serviceUnits = services.map { csvEscape($0.physicalUnit) }
        let year = String(reportYear)
        for unit in units {
            // The unit's own fields, escaped once for all its services.
            let identity = ["unit", unit.id, unit.name, unit.localName ?? "", csvNumber(unit.areaSquareKilometres)].map(csvEscape).joined(separator: ",")
            for ((service, fields), physicalUnit) in zip(zip(services, serviceFields), serviceUnits) {
                text += "\(identity),\(fields),\(csvNumber(unit.physicalAmounts[service.id] ?? 0)),\(physicalUnit),"
                text += "\(csvNumber(unit.serviceValuesYuan[service.id] ?? 0)),\(year)\r\n"
            }
        }
        let regionFields = ["region", region.id, region.name, region.localName ?? "", csvNumber(region.areaSquareKilometres)]
        for service in services {
            append(regionFields + [service.id, service.category, service.method, String(service.includedInTotal),
                                   csvNumber(service.physicalAmount), service.physicalUnit, csvNumber(service.valueYuan), year])
        }
        append(regionFields + ["GEP", "", "", "true", "", "", csvNumber(gepYuan), year])
        return text
    }

    /// Full precision, so the CSV reads back to the same doubles.
    private func csvNumber(_ value: Double) -> String { "\(value)" }
}
