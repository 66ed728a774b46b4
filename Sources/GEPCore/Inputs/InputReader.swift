/// Typed access to the inputs of one service for one accounting unit; every error names the input, the service
/// and the unit.
public struct InputReader: Sendable {
    /// The inputs read.
    public let inputs: Inputs
    /// The service reading them, for messages.
    public let service: String
    /// The accounting unit they describe.
    public let unit: AccountingUnit

    /// Whether the input is present.
    public func has(_ key: String) -> Bool { inputs[key] != nil }

    /// A single-valued input as a quantity of `dimension`.
    ///
    /// - Throws: ``InputError/missing(inputs:service:unit:)``, ``InputError/wrongShape(input:service:unit:expected:)``
    ///   or ``InputError/wrongUnit(input:service:unit:problem:)``.
    public func quantity<D: PhysicalDimension>(_ key: String, _ dimension: D.Type) throws -> Quantity<D> {
        guard case let .single(measure) = try input(key).value else {
            throw InputError.wrongShape(input: key, service: service, unit: unit.id, expected: "a single value")
        }
        return try convert(measure, key, dimension)
    }

    /// The value of an input for one ecosystem type; a single value applies to every type.
    ///
    /// - Throws: ``InputError/missingForEcosystemType(input:ecosystemType:service:unit:)`` when the input is given by
    ///   type but not for `type`, and the errors of ``quantity(_:_:)``.
    public func quantity<D: PhysicalDimension>(_ key: String, _ dimension: D.Type, for type: EcosystemType) throws -> Quantity<D> {
        switch try input(key).value {
        case let .single(measure):
            return try convert(measure, key, dimension)
        case let .byEcosystemType(values):
            guard let measure = values[type] else {
                throw InputError.missingForEcosystemType(input: key, ecosystemType: type.rawValue, service: service, unit: unit.id)
            }
            return try convert(measure, key, dimension)
        }
    }

    /// A single dimensionless input as a plain number (a fraction, not a percentage).
    public func ratio(_ key: String) throws -> Double { try quantity(key, Ratio.self).fraction }

    /// A dimensionless input for one ecosystem type as a plain number.
    public func ratio(_ key: String, for type: EcosystemType) throws -> Double {
        try quantity(key, Ratio.self, for: type).fraction
    }

    /// A single money input (tourism revenue, say) at the prices of the year its provenance gives.
    ///
    /// - Throws: ``InputError/missingYear(input:service:unit:)`` when the provenance has no year, and the errors of
    ///   ``quantity(_:_:)``.
    public func money(_ key: String) throws -> Money {
        let amount = try quantity(key, Currency.self)
        guard let year = try input(key).provenance.year else {
            throw InputError.missingYear(input: key, service: service, unit: unit.id)
        }
        return Money(amount.baseValue, .yuan, priceYear: year)
    }

    /// The inputs whose names start with `prefix`, sorted by name (for open-ended lists such as products).
    public func inputs(withPrefix prefix: String) -> [Input] {
        inputs.all.filter { $0.key.hasPrefix(prefix) }
    }

    /// Checks that `value` (in the input's own unit, for the message) satisfies `condition`.
    ///
    /// - Throws: ``InputError/outOfRange(input:service:unit:value:expected:)`` naming the input when it does not.
    public func require(_ condition: Bool, _ key: String, value: Double, expected: String) throws {
        if !condition {
            throw InputError.outOfRange(input: key, service: service, unit: unit.id, value: value, expected: expected)
        }
    }

    /// Checks shape, dimension and domain of a present input against its requirement.
    func check(_ requirement: InputRequirement) throws {
        let input = try input(requirement.key)
        switch (input.value, requirement.scope) {
        case let (.single(measure), _):
            try check(measure, of: nil, requirement)
        case let (.byEcosystemType(values), .perEcosystemType):
            // Checked in dictionary order, which is fast; when one fails, checked again in type order so that the
            // message names the same type on every run.
            do {
                for (type, measure) in values { try check(measure, of: type, requirement) }
            } catch {
                for (type, measure) in values.sorted(by: { $0.key < $1.key }) { try check(measure, of: type, requirement) }
                throw error
            }
        case (.byEcosystemType, .single):
            throw InputError.wrongShape(input: requirement.key, service: service, unit: unit.id, expected: "a single value")
        }
    }

    /// Checks one value's dimension and domain.
    private func check(_ measure: Measure, of type: EcosystemType?, _ requirement: InputRequirement) throws {
        let base = try baseValue(measure, requirement)
        guard requirement.domain.contains(base) else {
            let name = type.map { "\(requirement.key)[\($0.rawValue)]" } ?? requirement.key
            throw InputError.outOfRange(input: name, service: service, unit: unit.id, value: measure.value,
                                        expected: requirement.domain.expectation(requirement.dimension))
        }
    }

    func baseValue(_ measure: Measure, _ requirement: InputRequirement) throws -> Double {
        func base<D: PhysicalDimension>(_ dimension: D.Type) throws -> Double {
            try convert(measure, requirement.key, dimension).baseValue
        }
        return try base(requirement.dimension)
    }

    private func input(_ key: String) throws -> Input {
        guard let input = inputs[key] else { throw InputError.missing(inputs: [key], service: service, unit: unit.id) }
        return input
    }

    private func convert<D: PhysicalDimension>(_ measure: Measure, _ key: String, _ dimension: D.Type) throws -> Quantity<D> {
        do { return try measure.quantity(dimension) } catch let error as UnitError {
            throw InputError.wrongUnit(input: key, service: service, unit: unit.id, problem: error)
        }
    }
}

extension InputReader {
    /// Whether the input is present.
    public func has<D>(_ key: InputKey<D>) -> Bool { has(key.name) }

    /// A single-valued input as a typed quantity.
    ///
    /// - Throws: the errors of ``quantity(_:_:)``.
    public func quantity<D>(_ key: InputKey<D>) throws -> Quantity<D> { try quantity(key.name, D.self) }

    /// The value of an input for one ecosystem type; a single value applies to every type.
    ///
    /// - Throws: the errors of ``quantity(_:_:for:)``.
    public func quantity<D>(_ key: InputKey<D>, for type: EcosystemType) throws -> Quantity<D> {
        try quantity(key.name, D.self, for: type)
    }

    /// A single dimensionless input as a plain number (a fraction, not a percentage).
    public func ratio(_ key: InputKey<Ratio>) throws -> Double { try ratio(key.name) }

    /// A dimensionless input for one ecosystem type as a plain number.
    public func ratio(_ key: InputKey<Ratio>, for type: EcosystemType) throws -> Double { try ratio(key.name, for: type) }

    /// A single money input at the prices of the year its provenance gives.
    ///
    /// - Throws: the errors of ``money(_:)``.
    public func money(_ key: InputKey<Currency>) throws -> Money { try money(key.name) }

    /// Turns a kernel's rejection into an input error naming this service and unit, with the ecosystem type the
    /// kernel was evaluated for, if any.
    public func error(_ rejection: KernelRejection, for type: EcosystemType? = nil) -> InputError {
        InputError.outOfRange(input: type.map { "\(rejection.input)[\($0.rawValue)]" } ?? rejection.input, service: service,
                              unit: unit.id, value: rejection.value, expected: rejection.expected)
    }
}
