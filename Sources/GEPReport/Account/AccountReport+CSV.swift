import GEPCore

extension AccountReport {
    /// The CSV header: `level` says whether a row is a unit's (`unit`) or the region's total (`region`), so that a
    /// sum over the rows of one level counts each amount once; values in 元 at report-year prices.
    static let csvHeader = ["level", "unit", "name", "local_name", "area_km2", "service", "category", "method", "in_total",
                            "physical_amount", "physical_unit", "value_yuan", "price_year"]

    /// RFC 4180 CSV: one row per unit and service, then the region's total per service and its GEP.
    ///
    /// Built as bytes: at 10⁵ units the table is 5·10⁵ rows, and growing a `String` field by field was a fifth of
    /// the run.
    func renderCSV() -> [[UInt8]] {
        func line(_ row: [String]) -> String { row.map(csvEscape).joined(separator: ",") + "\r\n" }
        // The text fields of a service are the same in every unit: escaped once, with the commas around them.
        let serviceFields = services.map { service in
            "," + [service.id, service.category, service.method, String(service.includedInTotal)].map(csvEscape).joined(separator: ",") + ","
        }
        let serviceIDs = services.map(\.id)
        let serviceUnits = services.map { "," + csvEscape($0.physicalUnit) + "," }
        let yearField = ",\(reportYear)\r\n"
        // The units' rows are rendered in one piece per core and joined in order.
        let units = units
        let pieces = parallelChunks(units.count)
        let rows = parallelMap(pieces.count) { p in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(110 * pieces[p].count * max(1, serviceFields.count))
            for unit in units[pieces[p]] {
                // The unit's own fields, escaped once for all its services.
                let identity = ["unit", unit.id, unit.name, unit.localName ?? "", Self.csvNumber(unit.areaSquareKilometres)].map(csvEscape).joined(separator: ",")
                for ((service, fields), physicalUnit) in zip(zip(serviceIDs, serviceFields), serviceUnits) {
                    bytes.appendUTF8(identity)
                    bytes.appendUTF8(fields)
                    bytes.appendUTF8(Self.csvNumber(unit.physicalAmount(of: service) ?? 0))
                    bytes.appendUTF8(physicalUnit)
                    bytes.appendUTF8(Self.csvNumber(unit.valueYuan(of: service) ?? 0))
                    bytes.appendUTF8(yearField)
                }
            }
            return bytes
        }
        let year = String(reportYear)
        let regionFields = ["region", region.id, region.name, region.localName ?? "", Self.csvNumber(region.areaSquareKilometres)]
        let totals = services.map { service in
            line(regionFields + [service.id, service.category, service.method, String(service.includedInTotal),
                                 Self.csvNumber(service.physicalAmount), service.physicalUnit, Self.csvNumber(service.valueYuan), year])
        } + [line(regionFields + ["GEP", "", "", "true", "", "", Self.csvNumber(gepYuan), year])]
        return [Array(line(AccountReport.csvHeader).utf8)] + rows + [Array(totals.joined().utf8)]
    }

    /// Full precision, so the CSV reads back to the same doubles.
    private static func csvNumber(_ value: Double) -> String { "\(value)" }
}
