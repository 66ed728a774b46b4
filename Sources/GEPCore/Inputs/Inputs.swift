/// The inputs available to services for one accounting unit, by name.
///
/// Region-wide inputs and a unit's own inputs are combined with ``merging(_:)``: the unit's value wins.
public struct Inputs: Sendable, Hashable {
    private var storage: [String: Input]

    public init(_ inputs: [Input] = []) {
        storage = Dictionary(inputs.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The input named `key`, if present.
    public subscript(key: String) -> Input? { storage[key] }

    /// The names of the inputs present, in no particular order.
    public var keys: Dictionary<String, Input>.Keys { storage.keys }

    /// All inputs, sorted by name.
    public var all: [Input] { storage.values.sorted { $0.key < $1.key } }

    /// Adds or replaces an input.
    public mutating func set(_ input: Input) { storage[input.key] = input }

    /// These inputs overlaid with `overrides`: an input present in both takes the value from `overrides`.
    public func merging(_ overrides: Inputs) -> Inputs {
        var merged = self
        for input in overrides.storage.values { merged.set(input) }
        return merged
    }

    /// A reader for one service and accounting unit, after checking every requirement: all inputs the unit needs
    /// are present (all missing ones are named together, an unmet choice as "a or b"), have the right shape and
    /// dimension, and lie in their domain.
    ///
    /// - Throws: ``InputError`` naming the input, the service and the unit.
    public func reader(service: String, unit: AccountingUnit, checking requirements: [InputRequirement]) throws -> InputReader {
        var missing: [String] = []
        var choicesNamed = Set<String>()
        for requirement in requirements where storage[requirement.key] == nil {
            switch requirement.presence {
            case .required:
                missing.append(requirement.key)
            case .optional:
                break
            case let .oneOf(alternatives):
                if alternatives.allSatisfy({ storage[$0] == nil }), !choicesNamed.contains(requirement.key) {
                    missing.append(([requirement.key] + alternatives).joined(separator: " or "))
                    choicesNamed.formUnion([requirement.key] + alternatives)
                }
            case let .requiredWhen(condition):
                if condition.holds(for: unit, inputs: self) { missing.append(requirement.key) }
            }
        }
        if !missing.isEmpty { throw InputError.missing(inputs: missing, service: service, unit: unit.id) }
        let reader = InputReader(inputs: self, service: service, unit: unit)
        for requirement in requirements where storage[requirement.key] != nil {
            try reader.check(requirement)
        }
        return reader
    }
}
