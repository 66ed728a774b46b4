/// A unit string that cannot be read as the dimension a value needs.
public enum UnitError: Error, Sendable, Equatable {
    /// No dimension knows this unit.
    case unknownUnit(String, expected: String)
    /// The unit exists but measures something else (a volume where an area was expected).
    case wrongDimension(unit: String, found: String, expected: String)
    /// Text that is not "number unit".
    case malformedMeasure(String)
}

extension UnitError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .unknownUnit(unit, expected):
            return "unknown unit \"\(unit)\"; expected a unit of \(expected) such as \(UnitError.examples(expected))"
        case let .wrongDimension(unit, found, expected):
            return "unit \"\(unit)\" measures \(found), but \(expected) was expected (for example \(UnitError.examples(expected)))"
        case let .malformedMeasure(text):
            return "\"\(text)\" is not a number followed by a unit, such as \"12.5 万亩\""
        }
    }

    /// Up to five symbols of the named dimension, for messages.
    static func examples(_ dimensionName: String) -> String {
        guard let dimension = UnitCatalog.dimensions.first(where: { $0.name == dimensionName }) else {
            return "a known unit"
        }
        return dimension.symbolList
    }
}

extension PhysicalDimension {
    static var symbolList: String { units.prefix(5).map(\.symbol).joined(separator: ", ") }
}
