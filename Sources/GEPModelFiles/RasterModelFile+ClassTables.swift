import Foundation
import GEPCore

/// Class parameters from CSV tables in InVEST's layout, so that an InVEST user's carbon-pool and biophysical tables
/// run unchanged:
///
/// ```yaml
/// class-tables:
///   - path: carbon_pools.csv
///     units: {c_above: t/ha, c_below: t/ha, c_soil: t/ha, c_dead: t/ha}
///     source: ...
///     status: ...
/// ```
///
/// Each table has a `lucode` column (the land-cover class code) and one column per parameter; a column is read when
/// a chosen service reads the input it names (lower-cased, `_` as `-`: `c_above` is `c-above`, `root_depth` is
/// `root-depth`, `Kc` is `kc`), and its unit is declared under `units:` (tables do not say). Other columns (names,
/// descriptions, parameters of models not chosen) are left alone. Every class of `classes:` needs a row.
extension RasterModelFile {
    /// For each class code, the inputs the tables give it.
    static func readClassTables(_ field: YAMLField?, directory: String, values: ValueReader,
                                requirements: RegionModelFile.ExpectedInputs, codes: [Int]) throws -> [Int: Inputs] {
        var byCode: [Int: Inputs] = [:]
        for entry in try field?.sequence() ?? [] {
            try entry.allowOnly(["path", "units", "source", "year", "status", "note"])
            let provenance = try values.provenance(entry)
            let table = try CSVTable.read(try entry.required("path").filePath(in: directory))
            let unitsField = try entry.optional("units")
            let units = Dictionary(uniqueKeysWithValues: try unitsField?.mapping().map { ($0.key, try $0.value.string(allowEmpty: true)) } ?? [])
            guard let codeColumn = table.header.firstIndex(where: { $0.lowercased() == "lucode" }) else {
                throw table.headerError("no `lucode` column; an InVEST class table keys its rows by land-cover code")
            }
            var read: [(column: Int, key: String, unit: String)] = []
            for (column, name) in table.header.enumerated() where column != codeColumn {
                let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
                guard let requirement = requirements.byKey[key] else { continue }
                guard let unit = units[name] else {
                    throw (unitsField ?? entry).error("column \(name) of \(table.file) gives \(key), which a chosen service reads; declare its unit under `units:` (a unit of \(requirement.dimension.name))")
                }
                let probe = Input(key, .single(Measure(1, unit)), provenance: provenance)
                try values.requireDimension(probe, try unitsField?.required(name) ?? entry, requirement.dimension)
                read.append((column, key, unit))
            }
            for name in units.keys.sorted() where !table.header.contains(name) {
                throw try (unitsField?.required(name) ?? entry).error("\(table.file) has no column \(name); its columns are \(table.header.joined(separator: ", "))")
            }
            var rows: [Int: CSVTable.Row] = [:]
            for row in table.rows {
                let text = row.fields[codeColumn].trimmingSpaces
                guard let code = Int(text) else { throw table.error(row, column: codeColumn, "\"\(text)\" is not a whole-number class code") }
                guard rows.updateValue(row, forKey: code) == nil else { throw table.error(row, column: codeColumn, "class \(code) appears twice") }
            }
            for code in codes {
                guard let row = rows[code] else {
                    throw entry.error("\(table.file) has no row for class \(code) of `classes:`; expected a `lucode` \(code) row")
                }
                for (column, key, unit) in read {
                    let text = row.fields[column].trimmingSpaces
                    guard let value = Double(text), value.isFinite else { throw table.error(row, column: column, "\"\(text)\" is not a finite number") }
                    guard byCode[code, default: Inputs()][key] == nil else {
                        throw table.error(row, column: column, "\(key) of class \(code) is given by two class tables")
                    }
                    byCode[code, default: Inputs()].set(Input(key, .single(Measure(value, unit)), provenance: provenance))
                }
            }
        }
        return byCode
    }
}
