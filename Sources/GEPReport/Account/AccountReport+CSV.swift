import GEPCore

extension AccountReport {
    /// The CSV header: `level` says whether a row is a unit's (`unit`) or the region's total (`region`), so that a
    /// sum over the rows of one level counts each amount once; values in 元 at report-year prices.
    static let csvHeader = ["level", "unit", "name", "local_name", "area_km2", "service", "category", "method", "in_total",
                            "physical_amount", "physical_unit", "value_yuan", "price_year"]

    /// Units a piece of the CSV's rows: small enough that writing starts early, large enough that making a piece
    /// costs more than handing it over.
    static let csvUnitsPerPiece = 10_000

    /// RFC 4180 CSV: one row per unit and service, then the region's total per service and its GEP.
    ///
    /// Built as bytes: at 10⁵ units the table is 5·10⁵ rows, and growing a `String` field by field was a fifth of
    /// the run. The units' rows come in pieces of ``csvUnitsPerPiece`` units, made on the cores while the pieces
    /// before them are written (``ReportText/Piece/deferred(_:)``).
    func renderCSV() -> [ReportText.Piece] {
        func line(_ row: [String]) -> String { row.map(csvEscape).joined(separator: ",") + "\r\n" }
        // The text fields of a service are the same in every unit: escaped once, with the commas around them.
        let serviceFields = services.map { service in
            "," + [service.id, service.category, service.method, String(service.includedInTotal)].map(csvEscape).joined(separator: ",") + ","
        }
        let serviceIDs = services.map(\.id)
        let serviceUnits = services.map { "," + csvEscape($0.physicalUnit) + "," }
        let yearField = ",\(reportYear)\r\n"
        let units = units
        let rows = stride(from: 0, to: units.count, by: Self.csvUnitsPerPiece).map { start in ReportText.Piece.deferred {
            let piece = start..<min(start + Self.csvUnitsPerPiece, units.count)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(110 * piece.count * max(1, serviceFields.count))
            for unit in units[piece] {
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
        } }
        let year = String(reportYear)
        let regionFields = ["region", region.id, region.name, region.localName ?? "", Self.csvNumber(region.areaSquareKilometres)]
        let totals = services.map { service in
            line(regionFields + [service.id, service.category, service.method, String(service.includedInTotal),
                                 Self.csvNumber(service.physicalAmount), service.physicalUnit, Self.csvNumber(service.valueYuan), year])
        } + [line(regionFields + ["GEP", "", "", "true", "", "", Self.csvNumber(gepYuan), year])]
        return [.string(line(AccountReport.csvHeader))] + rows + [.string(totals.joined())]
    }

    /// Full precision, so the CSV reads back to the same doubles.
    private static func csvNumber(_ value: Double) -> String { "\(value)" }
}
