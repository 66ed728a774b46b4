extension AccountReport {
    /// The CSV header, one row per (unit, service) and one "(all)" row per service, values in 元 at report-year prices.
    static let csvHeader = ["unit", "service", "category", "method", "in_total", "physical_amount", "physical_unit",
                            "value_yuan", "price_year"]

    /// RFC 4180 CSV: one row per unit and service, then the region totals per service.
    func renderCSV() -> String {
        var rows = [AccountReport.csvHeader]
        for unit in units {
            for service in services {
                rows.append([unit.id, service.id, service.category, service.method, String(service.includedInTotal),
                             csvNumber(unit.physicalAmounts[service.id] ?? 0), service.physicalUnit,
                             csvNumber(unit.serviceValuesYuan[service.id] ?? 0), String(reportYear)])
            }
        }
        for service in services {
            rows.append(["(all)", service.id, service.category, service.method, String(service.includedInTotal),
                         csvNumber(service.physicalAmount), service.physicalUnit, csvNumber(service.valueYuan), String(reportYear)])
        }
        rows.append(["(all)", "GEP", "", "", "true", "", "", csvNumber(gepYuan), String(reportYear)])
        return rows.map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Full precision, so the CSV reads back to the same doubles.
    private func csvNumber(_ value: Double) -> String { "\(value)" }
}
