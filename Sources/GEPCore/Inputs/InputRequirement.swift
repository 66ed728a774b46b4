/// What a service needs of one input: its name, its dimension, whether it varies by ecosystem type, and the range
/// of physically possible values. Checked before any computation (see ``Inputs/reader(service:unit:checking:)``).
public struct InputRequirement: Sendable {
    /// Whether the input is one number for the unit or one per ecosystem type.
    public enum Scope: String, Sendable {
        /// One value for the whole accounting unit.
        case single
        /// One value per ecosystem type the unit contains; a single value applies to every type.
        case perEcosystemType
    }

    /// The name used in model files, e.g. "precipitation".
    public let key: String
    /// What the input is, with its unit, for `gep services show`.
    public let summary: String
    /// The dimension its unit must measure.
    public let dimension: any PhysicalDimension.Type
    /// Single or per ecosystem type.
    public let scope: Scope
    /// The physically possible values, in the dimension's base unit.
    public let domain: ValueDomain
    /// Whether the service can run without it.
    public let isOptional: Bool

    public init(_ key: String, _ summary: String, dimension: any PhysicalDimension.Type,
                scope: Scope = .single, domain: ValueDomain = .nonNegative, isOptional: Bool = false) {
        self.key = key
        self.summary = summary
        self.dimension = dimension
        self.scope = scope
        self.domain = domain
        self.isOptional = isOptional
    }
}

/// The values an input may take, in the base unit of its dimension.
public enum ValueDomain: Sendable, Hashable {
    /// Any finite number.
    case any
    /// Zero or more.
    case nonNegative
    /// Strictly more than zero.
    case positive
    /// A fraction in [0, 1].
    case fraction
    /// A closed interval.
    case range(ClosedRange<Double>)

    /// Whether `value` lies in the domain (and is finite).
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .any: return true
        case .nonNegative: return value >= 0
        case .positive: return value > 0
        case .fraction: return (0...1).contains(value)
        case let .range(range): return range.contains(value)
        }
    }

    /// Words for messages, in the base unit of `dimension`.
    public func expectation(_ dimension: any PhysicalDimension.Type) -> String {
        let unit = dimension.baseSymbol
        let suffix = unit == "1" ? "" : " \(unit)"
        switch self {
        case .any: return "a finite number"
        case .nonNegative: return "a value ≥ 0\(suffix)"
        case .positive: return "a value > 0\(suffix)"
        case .fraction: return "a fraction between 0 and 1 (or 0–100 %)"
        case let .range(range): return "a value in [\(range.lowerBound), \(range.upperBound)]\(suffix)"
        }
    }
}
