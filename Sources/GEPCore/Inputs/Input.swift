/// One model input: its value (single, or by ecosystem type) with the unit as written, and its provenance.
public struct Input: Sendable, Hashable {
    /// The value of an input.
    public enum Value: Sendable, Hashable {
        /// One value for the whole accounting unit.
        case single(Measure)
        /// One value per ecosystem type.
        case byEcosystemType([EcosystemType: Measure])
    }

    /// The input's name, e.g. "precipitation".
    public let key: String
    /// The value with its unit.
    public let value: Value
    /// Where the value comes from.
    public let provenance: Provenance

    public init(_ key: String, _ value: Value, provenance: Provenance) {
        self.key = key
        self.value = value
        self.provenance = provenance
    }

    /// A single value: `Input("precipitation", 450, "mm/a", provenance: ...)`.
    public init(_ key: String, _ value: Double, _ unit: String, provenance: Provenance) {
        self.init(key, .single(Measure(value, unit)), provenance: provenance)
    }
}
