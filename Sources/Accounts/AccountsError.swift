import GEPCore

/// Ecosystem accounts or a scenario that cannot be built as given.
public enum AccountsError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidConversion(unit: String, detail: String)
    case unknownUnit(String, region: String)
    case conversionExceedsArea(unit: String, type: EcosystemType, available: Quantity<Area>, converted: Quantity<Area>)
    /// The listed conversions do not turn the opening extent of a unit's type into its closing extent.
    case unbalancedExtent(unit: String, type: EcosystemType, opening: Quantity<Area>, closing: Quantity<Area>, listedNet: Quantity<Area>)
    case invalidIndicator(id: String, detail: String)
    case invalidValuation(String)
    case invalidUserShares(service: String, detail: String)
    /// The two accounts of a comparison do not cover the same units.
    case differentUnits(String)
    /// A scenario converts land to an ecosystem type that the base model has no value of an input for.
    case missingScenarioInput(input: String, ecosystemType: String, service: String?)

    public var description: String {
        switch self {
        case let .invalidConversion(unit, detail):
            return "unit \(unit): cannot convert \(detail)"
        case let .unknownUnit(unit, region):
            return "no accounting unit \"\(unit)\" in region \(region)"
        case let .conversionExceedsArea(unit, type, available, converted):
            return "unit \(unit) has \(sixFigures(available.value(in: .hectare))) ha of \(type.rawValue), but the conversions take "
                + "\(sixFigures(converted.value(in: .hectare))) ha from it; expected at most the area the unit has"
        case let .unbalancedExtent(unit, type, opening, closing, listedNet):
            return "unit \(unit), \(type.rawValue): the opening extent \(sixFigures(opening.value(in: .hectare))) ha and the closing "
                + "\(sixFigures(closing.value(in: .hectare))) ha differ by \(sixFigures((closing - opening).value(in: .hectare))) ha, "
                + "but the listed conversions add \(sixFigures(listedNet.value(in: .hectare))) ha; expected closing = opening + additions − reductions"
        case let .invalidIndicator(id, detail):
            return "condition indicator \(id): \(detail)"
        case let .invalidValuation(detail):
            return "asset valuation: \(detail)"
        case let .invalidUserShares(service, detail):
            return "users of \(service): \(detail)"
        case let .differentUnits(detail):
            return "the two accounts do not cover the same units: \(detail)"
        case let .missingScenarioInput(input, type, service):
            return "the scenario converts land to \(type), for which the base model gives no \"\(input)\"\(service.map { " (read by \($0))" } ?? ""); "
                + "give it under the scenario's `inputs:`, as `\(input): {by-ecosystem-type: {\(type): …}, unit: …, source: …}`"
        }
    }
}
