import Foundation
import GEPCore

/// The accounting units of a region read from a CSV table instead of the `units:` list, for regions with thousands
/// of units (towns, forest compartments, grid cells), where YAML parsing alone would dominate the run:
///
/// ```yaml
/// units-file: {path: genhe-units.csv, source: genhe-plan, status: published, year: 2022}
/// ```
///
/// ```csv
/// id,name,local-name,area [km²],precipitation [mm],nep:meadow [t/ha]
/// manggui,Manggui town,满归镇,3072.81,480,
/// ```
///
/// Columns: `id` and `name` (required), `local-name`; either `area [unit]` (a total split by `ecosystem-shares`) or
/// one `area:<ecosystem-type> [unit]` column per type; `population [unit]`; and any input a chosen service reads, as
/// `<input> [unit]` (one value for the unit) or `<input>:<ecosystem-type> [unit]` (by type). The unit in brackets is
/// looked up once per column; an empty cell leaves the input to the region-wide value. Every value takes its
/// provenance from the `units-file:` entry.
extension RegionModelFile {
    /// The units of a region, whichever way the file gives them.
    struct UnitTable {
        var units: [AccountingUnit] = []
        var inputs: [String: Inputs] = [:]
        var areaProvenance: AreaProvenance = [:]
        /// Units whose areas are given by type, not split from a total by `ecosystem-shares` (a year's shares cannot change them).
        var unitsWithOwnAreas: [String] = []
    }

    /// One column of a units table, as its header names it.
    private enum Column {
        case id, name, localName
        case totalArea(MeasurementUnit<Area>)
        case area(EcosystemType, MeasurementUnit<Area>)
        case population(MeasurementUnit<Count>)
        case input(key: String, type: EcosystemType?, template: Measure)

        /// What the column gives, for checking that the header has what a table needs.
        var kind: String {
            switch self {
            case .id: "id"
            case .name: "name"
            case .localName: "local-name"
            case .totalArea: "area"
            case .area: "areas"
            case .population: "population"
            case .input: "input"
            }
        }
    }

    static func readUnitsFile(_ entry: YAMLField, directory: String, shares: (shares: [EcosystemType: Double], provenance: Provenance)?,
                              values: ValueReader, requirements: ExpectedInputs) throws -> UnitTable {
        try entry.allowOnly(["path", "source", "year", "status", "note"])
        let provenance = try values.provenance(entry)
        let table = try CSVTable.read(try entry.required("path").filePath(in: directory))
        let columns = try table.header.indices.map { try column(table, $0, requirements: requirements) }
        let kinds = Set(columns.map(\.kind))
        for required in ["id", "name"] where !kinds.contains(required) {
            throw table.headerError("no `\(required)` column; a units table needs `id` and `name`")
        }
        guard kinds.contains("area") != kinds.contains("areas") else {
            throw table.headerError("expected either one `area [unit]` column (split by ecosystem-shares) or `area:<ecosystem-type> [unit]` columns, not both or neither")
        }
        // The shares that split a total `area` column; nil when the table gives areas by type.
        var splitShares: (shares: [EcosystemType: Double], provenance: Provenance)?
        if kinds.contains("area") {
            guard let shares else { throw table.headerError("a total `area` column needs `ecosystem-shares:` in the region file") }
            splitShares = shares
        }
        let areaProvenance = try splitShares.map { try splitProvenance(provenance, $0.provenance) } ?? provenance
        let idColumn = columns.firstIndex { $0.kind == "id" } ?? 0
        let splitBy = splitShares.map { (shares: $0.shares, types: $0.shares.keys.sorted()) }
        let read = table.readRows { try unitRow($0, of: table, columns: columns, split: splitBy, provenance: provenance) }
        // The rows' ids in order, the first repeated one refused (its row named), before the first row's error; the
        // rows are looked at in place, not copied.
        var seen = Set<String>(minimumCapacity: read.values.count)
        if let repeated = read.values.withUnsafeBufferPointer({ rows in rows.indices.first { !seen.insert(rows[$0].unit.id).inserted } }) {
            throw table.error(table.rows[repeated], column: idColumn, "unit id \"\(read.values[repeated].unit.id)\" appears twice; ids must be unique")
        }
        if let error = read.error { throw error }
        let rows = read.values
        var result = UnitTable()
        result.units = parallelPrefix(rows.count) { rows[$0].unit }.values
        result.areaProvenance = .shared(areaProvenance)
        rows.withUnsafeBufferPointer { rows in
            // Sized once: growing a hash table of 10⁵ ids rehashes every id several times.
            result.inputs.reserveCapacity(rows.count { $0.inputs != nil })
            for row in rows.indices { if let inputs = rows[row].inputs { result.inputs[rows[row].unit.id] = inputs } }
        }
        if splitShares == nil { result.unitsWithOwnAreas = result.units.map(\.id) }
        guard !result.units.isEmpty else { throw table.headerError("the table has no rows; expected at least one accounting unit") }
        return result
    }

    /// One row of a units table, read.
    private struct UnitRow: Sendable {
        let unit: AccountingUnit
        /// The unit's own inputs; nil when the row gives none.
        let inputs: Inputs?
    }

    /// The unit and inputs of one row; `split` gives the shares that split a total `area` column, with their types
    /// sorted once for every unit (nil when areas are given by type).
    private static func unitRow(_ row: CSVTable.Row, of table: CSVTable, columns: [Column],
                                split: (shares: [EcosystemType: Double], types: [EcosystemType])?, provenance: Provenance) throws -> UnitRow {
        var id = "", name = "", localName: String?
        var areas: [EcosystemType: Quantity<Area>] = [:], splitTypes: [EcosystemType]?, population: Double?
        var single: [String: Measure] = [:], byType: [String: [EcosystemType: Measure]] = [:]
        for (index, column) in columns.enumerated() {
            let text = row.fields[index].trimmingSpaces
            if text.isEmpty {
                if case .id = column { throw table.error(row, column: index, "the unit has no id") }
                if case .name = column { throw table.error(row, column: index, "the unit has no name") }
                continue
            }
            switch column {
            case .id: id = text
            case .name: name = text
            case .localName: localName = text
            case let .totalArea(unit):
                let total = Quantity(try number(table, row, index, text, nonNegative: true), unit)
                areas = (split?.shares ?? [:]).mapValues { total * $0 }
                splitTypes = split?.types
            case let .area(type, unit): areas[type] = Quantity(try number(table, row, index, text, nonNegative: true), unit)
            case let .population(unit): population = Quantity(try number(table, row, index, text, nonNegative: true), unit).baseValue
            case let .input(key, type?, template): byType[key, default: [:]][type] = template.with(value: try number(table, row, index, text))
            case let .input(key, nil, template): single[key] = template.with(value: try number(table, row, index, text))
            }
        }
        let unit: AccountingUnit
        do {
            unit = try AccountingUnit(id: id, name: name, localName: localName, ecosystemAreas: areas,
                                      types: splitTypes ?? areas.keys.sorted(), population: population)
        } catch let error as InputError {
            throw ModelFileError(file: table.file, line: row.line, column: nil, field: "", message: String(describing: error))
        }
        let inputs = single.map { Input($0.key, .single($0.value), provenance: provenance) }
            + byType.map { Input($0.key, .byEcosystemType($0.value), provenance: provenance) }
        return UnitRow(unit: unit, inputs: inputs.isEmpty ? nil : Inputs(inputs))
    }

    /// What a header names, with its unit looked up and checked once.
    private static func column(_ table: CSVTable, _ index: Int, requirements: ExpectedInputs) throws -> Column {
        let (name, unitText) = CSVTable.nameAndUnit(table.header[index])
        let fail = { (message: String) in ModelFileError(file: table.file, line: 1, column: index + 1, field: table.header[index], message: message) }
        func unit<D: PhysicalDimension>(_ dimension: D.Type) throws -> MeasurementUnit<D> {
            do { return try D.unit(parsing: unitText) } catch let error as UnitError { throw fail(String(describing: error)) }
        }
        switch name {
        case "id": return .id
        case "name": return .name
        case "local-name": return .localName
        case "area": return .totalArea(try unit(Area.self))
        case "population": return .population(try unit(Count.self))
        default: break
        }
        var key = name, type: EcosystemType?
        if let colon = name.lastIndex(of: ":"), let named = EcosystemType(rawValue: String(name[name.index(after: colon)...])) {
            key = String(name[..<colon])
            type = named
        }
        if name.hasPrefix("area:") {
            guard let type else {
                throw fail("unknown ecosystem type; expected area:<type> with one of \(EcosystemType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .area(type, try unit(Area.self))
        }
        let template = Measure(0, unitText)
        if let requirement = requirements.byKey[key] {
            func check<D: PhysicalDimension>(_ dimension: D.Type) throws {
                do { _ = try template.measurementUnit(dimension) } catch let error as UnitError { throw fail(String(describing: error)) }
            }
            try check(requirement.dimension)
        } else if !requirements.prefixes.contains(where: key.hasPrefix) {
            throw fail("no chosen service reads an input named \"\(key)\"; check the spelling or the services list")
        }
        return .input(key: key, type: type, template: template)
    }

    private static func number(_ table: CSVTable, _ row: CSVTable.Row, _ index: Int, _ text: String, nonNegative: Bool = false) throws -> Double {
        guard let value = Double(text), value.isFinite else {
            throw table.error(row, column: index, "\"\(text)\" is not a finite number")
        }
        if nonNegative, value < 0 { throw table.error(row, column: index, "\(text) is negative; expected a value ≥ 0") }
        return value
    }

    /// The provenance of areas split by shares: assumed when either the totals or the shares are.
    static func splitProvenance(_ total: Provenance, _ shares: Provenance) throws -> Provenance {
        let note = [total.note, "split by ecosystem-shares (\(shares.source))"].compactMap { $0 }.joined(separator: "; ")
        return try Provenance(source: total.source, year: total.year,
                              status: total.status == .assumed || shares.status == .assumed ? .assumed : total.status, note: note)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs; the text itself, without copying, when it has none
    /// (as nearly every cell of a generated table has not).
    var trimmingSpaces: String {
        // The ends are looked at as bytes: a table of 10⁵ units trims every field.
        let blankByte: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = utf8.first, let last = utf8.last, blankByte(first) || blankByte(last) else { return self }
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}

extension CSVTable {
    /// An error about the header as a whole.
    func headerError(_ message: String) -> ModelFileError {
        ModelFileError(file: file, line: 1, column: nil, field: "", message: message)
    }
}
