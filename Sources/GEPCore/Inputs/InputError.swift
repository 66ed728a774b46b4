/// An input that a service or an accounting unit cannot use, with the names a user needs to find and fix it:
/// the input, the service and the accounting unit.
public enum InputError: Error, Sendable, Equatable {
    /// Required inputs that are absent, reported together before any computation.
    case missing(inputs: [String], service: String?, unit: String?)
    /// An input that has a value for some ecosystem types but not for one the unit contains.
    case missingForEcosystemType(input: String, ecosystemType: String, service: String?, unit: String?)
    /// A value outside its physical domain (a negative depth, a fraction above 1).
    case outOfRange(input: String, service: String?, unit: String?, value: Double, expected: String)
    /// A value whose unit does not measure what the input needs.
    case wrongUnit(input: String, service: String?, unit: String?, problem: UnitError)
    /// A single value where values by ecosystem type were needed, or the reverse.
    case wrongShape(input: String, service: String?, unit: String?, expected: String)
    /// A money input without the year that fixes its price year.
    case missingYear(input: String, service: String?, unit: String?)
    /// A negative or non-finite ecosystem area.
    case negativeArea(unit: String, ecosystemType: String, squareMetres: Double)
    /// Two accounting units with one id.
    case duplicateUnit(String, region: String)
}

extension InputError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .missing(inputs, service, unit):
            let names = inputs.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(InputError.context(service, unit))missing required input\(inputs.count == 1 ? "" : "s") \(names)"
        case let .missingForEcosystemType(input, type, service, unit):
            return "\(InputError.context(service, unit))input \"\(input)\" has no value for ecosystem type \"\(type)\""
        case let .outOfRange(input, service, unit, value, expected):
            return "\(InputError.context(service, unit))input \"\(input)\" is \(value); expected \(expected)"
        case let .wrongUnit(input, service, unit, problem):
            return "\(InputError.context(service, unit))input \"\(input)\": \(problem)"
        case let .wrongShape(input, service, unit, expected):
            return "\(InputError.context(service, unit))input \"\(input)\": expected \(expected)"
        case let .missingYear(input, service, unit):
            return "\(InputError.context(service, unit))input \"\(input)\" is an amount of money and needs a year (its price year)"
        case let .negativeArea(unit, type, squareMetres):
            return "accounting unit \"\(unit)\": area of \"\(type)\" is \(squareMetres) m²; expected a non-negative area"
        case let .duplicateUnit(id, region):
            return "region \"\(region)\": accounting unit id \"\(id)\" is used twice"
        }
    }

    /// "service water-conservation, unit alongshan: " or less, as far as known.
    static func context(_ service: String?, _ unit: String?) -> String {
        let parts = [service.map { "service \($0)" }, unit.map { "unit \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
    }
}
