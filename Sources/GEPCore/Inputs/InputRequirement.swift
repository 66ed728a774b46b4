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
    /// When the input must be given.
    public let presence: Presence

    public init(_ key: String, _ summary: String, dimension: any PhysicalDimension.Type,
                scope: Scope = .single, domain: ValueDomain = .nonNegative, presence: Presence = .required) {
        self.key = key
        self.summary = summary
        self.dimension = dimension
        self.scope = scope
        self.domain = domain
        self.presence = presence
    }

    /// The requirement of a typed key: its name and dimension come from the key.
    public init<D: PhysicalDimension>(_ key: InputKey<D>, _ summary: String, scope: Scope = .single,
                                      domain: ValueDomain = .nonNegative, presence: Presence = .required) {
        self.init(key.name, summary, dimension: D.self, scope: scope, domain: domain, presence: presence)
    }

    /// Whether some unit could be assessed without the input.
    public var isOptional: Bool {
        if case .required = presence { return false }
        return true
    }
}

/// When an input must be given, checked with the other requirements before any computation, so that every input
/// a unit lacks is named in one message.
public enum Presence: Sendable, Hashable, CustomStringConvertible {
    /// Always.
    case required
    /// Never; the service has a fallback.
    case optional
    /// This input or at least one of the inputs named (storm runoff, or a runoff coefficient to derive it).
    case oneOf(alternatives: [String])
    /// Whenever `condition` holds for the unit being assessed.
    case requiredWhen(Condition)

    /// "always", "optional", "unless runoff-coefficient is given", "when the unit has lake area": for
    /// `gep services show`.
    public var description: String {
        switch self {
        case .required: return "always"
        case .optional: return "optional"
        case let .oneOf(alternatives): return "unless \(alternatives.joined(separator: " or ")) is given"
        case let .requiredWhen(condition): return "when \(condition)"
        }
    }

    /// What makes a conditional input necessary.
    public indirect enum Condition: Sendable, Hashable, CustomStringConvertible {
        /// The unit has a positive area of one of these ecosystem types (lake inputs for a unit with a lake).
        case hasArea(of: [EcosystemType])
        /// The unit has a positive area of a type in one of these groups (water-surface inputs for open water).
        case hasGroup(Set<EcosystemGroup>)
        /// Another input is given (the flood share of a reservoir storage that is given).
        case given(String)
        /// Either condition.
        case either(Condition, Condition)

        /// Whether the condition holds for `unit` with `inputs`.
        public func holds(for unit: AccountingUnit, inputs: Inputs) -> Bool {
            switch self {
            case let .hasArea(types): return types.contains { unit.area(of: $0).baseValue > 0 }
            case let .hasGroup(groups): return !unit.types(in: groups).isEmpty
            case let .given(key): return inputs[key] != nil
            case let .either(a, b): return a.holds(for: unit, inputs: inputs) || b.holds(for: unit, inputs: inputs)
            }
        }

        /// "the unit has lake area", for `gep services show`.
        public var description: String {
            switch self {
            case let .hasArea(types): return "the unit has \(types.map(\.rawValue).joined(separator: " or ")) area"
            case let .hasGroup(groups): return "the unit has \(groups.map(\.rawValue).sorted().joined(separator: " or ")) area"
            case let .given(key): return "\(key) is given"
            case let .either(a, b): return "\(a), or \(b)"
            }
        }
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
