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
    /// How uncertain the value is, for uncertainty and sensitivity runs; nil for a value taken as exact.
    public let uncertainty: Uncertainty?

    public init(_ key: String, _ value: Value, provenance: Provenance, uncertainty: Uncertainty? = nil) {
        self.key = key
        self.value = value
        self.provenance = provenance
        self.uncertainty = uncertainty
    }

    /// The input with its value replaced by a draw: `value` for an absolute distribution (single values only), or
    /// the value times `value` for a relative one.
    public func drawn(_ value: Double) -> Input {
        let replaced: Value
        switch (self.value, uncertainty) {
        case let (.single(measure), .absolute?): replaced = .single(measure.with(value: value))
        case let (.single(measure), _): replaced = .single(measure.with(value: measure.value * value))
        case let (.byEcosystemType(values), _): replaced = .byEcosystemType(values.mapValues { $0.with(value: $0.value * value) })
        }
        return Input(key, replaced, provenance: provenance, uncertainty: uncertainty)
    }

    /// A single value: `Input("precipitation", 450, "mm/a", provenance: ...)`.
    public init(_ key: String, _ value: Double, _ unit: String, provenance: Provenance) {
        self.init(key, .single(Measure(value, unit)), provenance: provenance)
    }
}

/// How an uncertain value varies.
public enum Uncertainty: Sendable, Hashable {
    /// The value itself is drawn from the distribution, in the value's unit.
    case absolute(Distribution)
    /// The value is multiplied by a factor drawn from the distribution (mean about 1); the only form for values
    /// given per ecosystem type, which all move together.
    case relative(Distribution)

    public var distribution: Distribution {
        switch self {
        case let .absolute(distribution), let .relative(distribution): return distribution
        }
    }
}

extension Uncertainty: CustomStringConvertible {
    /// "normal, mean 1, sd 0.05 (factor on the value)" for a relative uncertainty, the distribution alone otherwise.
    public var description: String {
        if case .relative = self { return "\(distribution) (factor on the value)" }
        return distribution.description
    }
}
