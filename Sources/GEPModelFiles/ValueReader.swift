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

    static let singleKeys: Set<String> = ["value", "unit", "source", "year", "status", "note", "uncertainty"]
    static let byTypeKeys: Set<String> = ["by-ecosystem-type", "unit", "source", "year", "status", "note", "uncertainty"]

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
                                  year: try field.optional("year")?.year(), status: status, note: note)
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
            return Input(key, .byEcosystemType(try measures(byType, unit: unit)), provenance: provenance,
                         uncertainty: try uncertainty(field, value: nil))
        }
        try field.allowOnly(ValueReader.singleKeys)
        let value = try field.required("value").double()
        return Input(key, .single(Measure(value, unit)), provenance: provenance, uncertainty: try uncertainty(field, value: value))
    }

    /// The optional `uncertainty:` of a value entry:
    ///
    /// ```yaml
    /// uncertainty: {distribution: normal, sd: 12}                               # absolute, mean = value
    /// uncertainty: {distribution: normal, relative-sd: 0.05}                     # a factor around 1
    /// uncertainty: {distribution: lognormal, sigma: 0.2}                        # median = value (or relative-sigma)
    /// uncertainty: {distribution: uniform, min: 40, max: 70}                    # or relative-min / relative-max
    /// uncertainty: {distribution: triangular, min: 40, max: 70}                 # mode = value (or relative-…)
    /// ```
    ///
    /// Values given per ecosystem type take the relative forms only. Draws are truncated below at zero unless
    /// `truncate-below:` says otherwise (`truncate-below: none` for values that may be negative, such as NEP).
    func uncertainty(_ entry: YAMLField, value: Double?) throws -> Uncertainty? {
        guard let field = try entry.optional("uncertainty") else { return nil }
        try field.allowOnly(["distribution", "sd", "relative-sd", "sigma", "relative-sigma", "min", "max", "relative-min",
                             "relative-max", "truncate-below"])
        let shapeField = try field.required("distribution")
        let number = { (key: String) in try field.optional(key)?.double() }
        let relative = try ["relative-sd", "relative-sigma", "relative-min", "relative-max"].contains { try field.optional($0) != nil }
        guard relative || value != nil else {
            throw field.error("values by ecosystem type take a relative spread (relative-sd, relative-min/max, relative-sigma)")
        }
        let centre = relative ? 1 : value!
        let shape: Distribution.Shape
        switch try shapeField.string() {
        case "normal":
            guard let sd = try number("sd") ?? number("relative-sd") else { throw field.error("normal needs sd or relative-sd") }
            shape = .normal(mean: centre, sd: sd)
        case "lognormal":
            guard let sigma = try number("sigma") ?? number("relative-sigma") else { throw field.error("lognormal needs sigma or relative-sigma") }
            shape = .lognormal(median: centre, sigma: sigma)
        case "uniform", "triangular":
            guard let low = try number("min") ?? number("relative-min"), let high = try number("max") ?? number("relative-max") else {
                throw field.error("\(try shapeField.string()) needs min and max (or relative-min and relative-max)")
            }
            shape = try shapeField.string() == "uniform" ? .uniform(min: low, max: high) : .triangular(min: low, mode: centre, max: high)
        default:
            throw shapeField.error("expected normal, lognormal, uniform or triangular")
        }
        let bound: Double?
        if let truncation = try field.optional("truncate-below") {
            bound = (try? truncation.string()) == "none" ? nil : try truncation.double()
        } else {
            bound = 0
        }
        do {
            let distribution = try Distribution(shape, truncatedBelow: bound)
            return relative ? .relative(distribution) : .absolute(distribution)
        } catch let error as DistributionError {
            throw field.error(String(describing: error))
        }
    }

    /// A mapping of ecosystem-type ids to numbers, all in `unit`.
    func measures(_ field: YAMLField, unit: String) throws -> [EcosystemType: Measure] {
        var result: [EcosystemType: Measure] = [:]
        let template = Measure(0, unit)  // the unit looked up once for every type
        for (key, value) in try field.mapping() {
            guard let type = EcosystemType(rawValue: key) else {
                throw value.error("unknown ecosystem type; expected one of \(EcosystemType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result[type] = template.with(value: try value.double())
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
