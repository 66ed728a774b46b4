extension AccountReport {
    /// The CSV header, one row per (unit, service) and one "(all)" row per service, values in 元 at report-year prices.
    static let csvHeader = ["unit", "service", "category", "method", "in_total", "physical_amount", "physical_unit",
                            "value_yuan", "price_year"]

    /// RFC 4180 CSV: one row per unit and service, then the region totals per service.
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
            let id = csvEscape(unit.id)
            for ((service, fields), physicalUnit) in zip(zip(services, serviceFields), serviceUnits) {
                text += "\(id),\(fields),\(csvNumber(unit.physicalAmounts[service.id] ?? 0)),\(physicalUnit),"
                text += "\(csvNumber(unit.serviceValuesYuan[service.id] ?? 0)),\(year)\r\n"
            }
        }
        for service in services {
            append(["(all)", service.id, service.category, service.method, String(service.includedInTotal),
                    csvNumber(service.physicalAmount), service.physicalUnit, csvNumber(service.valueYuan), year])
        }
        append(["(all)", "GEP", "", "", "true", "", "", csvNumber(gepYuan), year])
        return text
    }

    /// Full precision, so the CSV reads back to the same doubles.
    private func csvNumber(_ value: Double) -> String { "\(value)" }
}
