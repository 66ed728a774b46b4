import Compensation
import Foundation
import GEPCore

/// A compensation file's per-unit indicators and regime areas from a CSV table instead of the `units:` list, for
/// regions with thousands of units (the region's own `units-file:` gives their areas and GEP):
///
/// ```yaml
/// units-file: {path: compensation-units.csv, source: county-finance, year: 2022, status: published}
/// ```
///
/// ```csv
/// id,opportunity-cost [万元],regime:public-welfare-forest [万亩]
/// manggui,4229,422.9
/// ```
///
/// Columns: `id` (a unit of the region), one `<indicator> [unit]` per indicator declared under `indicators:`, and
/// `regime:<key> [area unit]` for areas under a compensated regime. An empty cell leaves the unit without that value;
/// a unit without a row has none. Money is at the entry's `year:` prices and restated to the report year. Every
/// value takes its provenance from the entry, listed once per column.
extension CompensationFile {
    /// What a units table gives: a column per indicator and regime in the region's unit order, nil for a unit
    /// without a row or with an empty cell.
    struct UnitValues {
        var indicators: [String: [Double?]] = [:]
        var regimes: [String: [Quantity<Area>?]] = [:]
        var provenance: [(String, String, Provenance)] = []
    }

    private enum Column {
        case id
        /// An indicator, with the factor from the column's unit to the indicator's (money: to 元 at report-year prices,
        /// restating being linear), found once for the column rather than once a cell.
        case indicator(IndicatorSpec, factor: Double)
        case regime(String, MeasurementUnit<Area>)
    }

    static func readUnitsFile(_ entry: YAMLField, directory: String, values: ValueReader, specs: [IndicatorSpec], region: Region,
                              reportYear: Int, deflator: Deflator?) throws -> UnitValues {
        try entry.allowOnly(["path", "source", "year", "status", "note"])
        let provenance = try values.provenance(entry)
        let table = try CSVTable.read(try entry.required("path").filePath(in: directory))
        let columns = try table.header.indices.map { index -> Column in
            let (name, unitText) = CSVTable.nameAndUnit(table.header[index])
            let fail = { (message: String) in ModelFileError(file: table.file, line: 1, column: index + 1, field: table.header[index], message: message) }
            if name == "id" { return .id }
            if name.hasPrefix("regime:") {
                do { return .regime(String(name.dropFirst("regime:".count)), try Area.unit(parsing: unitText)) } catch let error as UnitError {
                    throw fail(String(describing: error))
                }
            }
            guard let spec = specs.first(where: { $0.key == name }), !["gep", "area"].contains(name) else {
                throw fail("not an indicator declared under `indicators:`; expected id, a declared indicator or regime:<key>")
            }
            if spec.unit == "元", provenance.year == nil { throw fail("money needs the `year:` of its prices on the units-file entry") }
            do {
                return .indicator(spec, factor: try indicatorValue(Measure(1, unitText), year: provenance.year, spec: spec, reportYear: reportYear,
                                                                   deflator: deflator) { fail($0) })
            } catch let error as UnitError { throw fail(String(describing: error)) }
        }
        guard let idColumn = columns.firstIndex(where: { if case .id = $0 { true } else { false } }) else {
            throw table.headerError("no `id` column; a compensation units table needs `id`")
        }
        // Each row's cells as numbers (indicators already in their declared unit), placed into columns afterwards.
        let read = table.readRows { row -> (position: Int, cells: [Double?]) in
            let id = row.fields[idColumn].trimmingSpaces
            guard let position = region.position(of: id) else {
                throw table.error(row, column: idColumn, id.isEmpty ? "the row has no unit id" : "no unit \"\(id)\" in the region")
            }
            let cells = try columns.indices.map { index -> Double? in
                let text = row.fields[index].trimmingSpaces
                guard index != idColumn, !text.isEmpty else { return nil }
                guard let value = Double(text), value.isFinite else { throw table.error(row, column: index, "\"\(text)\" is not a finite number") }
                switch columns[index] {
                case .id: return nil
                case .regime:
                    guard value >= 0 else { throw table.error(row, column: index, "\(text) is negative; a regime area cannot be") }
                    return value
                case let .indicator(_, factor): return value * factor
                }
            }
            return (position, cells)
        }
        var cellsByPosition = [[Double?]?](repeating: nil, count: region.units.count)
        for (row, unit) in zip(table.rows, read.values) {
            guard cellsByPosition[unit.position] == nil else {
                throw table.error(row, column: idColumn, "unit id \"\(row.fields[idColumn].trimmingSpaces)\" appears twice; ids must be unique")
            }
            cellsByPosition[unit.position] = unit.cells
        }
        if let error = read.error { throw error }
        var result = UnitValues()
        for (index, column) in columns.enumerated() {
            switch column {
            case .id: break
            case let .indicator(spec, _): result.indicators[spec.key] = cellsByPosition.map { $0?[index] }
            case let .regime(key, unit): result.regimes[key] = cellsByPosition.map { $0?[index].map { Quantity($0, unit) } }
            }
        }
        for (index, column) in columns.enumerated() {
            if case .id = column { continue }
            result.provenance.append(("units-file \(table.header[index])", "per unit, from \((table.file as NSString).lastPathComponent)", provenance))
        }
        return result
    }
}
