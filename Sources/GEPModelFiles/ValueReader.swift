import GEPCore

/// Reads the value entries of model files. Every number carries its provenance:
///
/// ```yaml
/// precipitation:                       # a single value
///   value: 500
///   unit: mm
///   source: chinaflux                  # a short name from `sources:`, or the citation itself
///   year: 2022                         # optional
///   status: published                  # measured | published | assumed
///   note: "450–550 mm; 500 used"       # required when status is assumed
/// evapotranspiration:                  # values by ecosystem type
///   by-ecosystem-type: {deciduous-needleleaf-forest: 300, meadow: 340}
///   unit: mm
///   source: ...
///   status: assumed
///   note: ...
/// ```
struct ValueReader {
    let sources: SourceCatalog

    static let singleKeys: Set<String> = ["value", "unit", "source", "year", "status", "note"]
    static let byTypeKeys: Set<String> = ["by-ecosystem-type", "unit", "source", "year", "status", "note"]

    /// The provenance fields of a value entry.
    func provenance(_ field: YAMLField) throws -> Provenance {
        let statusField = try field.required("status")
        let statusText = try statusField.string()
        guard let status = Provenance.Status(rawValue: statusText) else {
            throw statusField.error("unknown status \"\(statusText)\"; expected measured, published or assumed")
        }
        let note = try field.optional("note")?.string()
        do {
            return try Provenance(source: sources.expand(try field.required("source").string()),
                                  year: try field.optional("year")?.int(), status: status, note: note)
        } catch let error as ProvenanceError {
            throw field.error(String(describing: error))
        }
    }

    /// An input: a single value or values by ecosystem type, with unit and provenance.
    func input(_ key: String, _ field: YAMLField) throws -> Input {
        let unit = try field.required("unit").string(allowEmpty: true)
        let provenance = try provenance(field)
        if let byType = try field.optional("by-ecosystem-type") {
            try field.allowOnly(ValueReader.byTypeKeys)
            return Input(key, .byEcosystemType(try measures(byType, unit: unit)), provenance: provenance)
        }
        try field.allowOnly(ValueReader.singleKeys)
        return Input(key, .single(Measure(try field.required("value").double(), unit)), provenance: provenance)
    }

    /// A mapping of ecosystem-type ids to numbers, all in `unit`.
    func measures(_ field: YAMLField, unit: String) throws -> [EcosystemType: Measure] {
        var result: [EcosystemType: Measure] = [:]
        for (key, value) in try field.mapping() {
            guard let type = EcosystemType(rawValue: key) else {
                throw value.error("unknown ecosystem type; expected one of \(EcosystemType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result[type] = Measure(try value.double(), unit)
        }
        return result
    }

    /// Checks that `input`'s unit measures `dimension`, so a wrong unit is reported at its line.
    func requireDimension<D: PhysicalDimension>(_ input: Input, _ field: YAMLField, _ dimension: D.Type) throws {
        let measures: [Measure]
        switch input.value {
        case let .single(measure): measures = [measure]
        case let .byEcosystemType(values): measures = Array(values.values)
        }
        for measure in measures {
            do { _ = try measure.quantity(dimension) } catch let error as UnitError {
                throw (try field.optional("unit") ?? field).error(String(describing: error))
            }
        }
    }
}
