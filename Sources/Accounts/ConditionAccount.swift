import GEPCore

/// One condition indicator of an ecosystem type, at the opening and closing dates, against two reference levels.
///
/// The index rescales the indicator between its reference levels: I = (x − x_lower) ÷ (x_upper − x_lower), held
/// to 0–1, where x_upper is the level of a reference condition (index 1) and x_lower the level at which the
/// ecosystem has lost the characteristic (index 0) (SEEA Ecosystem Accounting, UN 2021, §5.5, "rescaling
/// indicators"). An indicator that is better when lower (erosion, fragmentation) gives x_upper < x_lower, and the
/// same formula orders it the right way.
public struct ConditionIndicator: Sendable {
    /// A stable id, e.g. "growing-stock".
    public let id: String
    /// What is measured, for reports, e.g. "growing stock per hectare (活立木蓄积)".
    public let name: String
    public let ecosystemType: EcosystemType
    /// The unit all four levels are in.
    public let unit: AnyUnit
    /// The reference level (index 1) and the level of lost condition (index 0), in `unit`.
    public let upperReference: Double
    public let lowerReference: Double
    /// The indicator's value at the opening and closing dates, in `unit`.
    public let opening: Double
    public let closing: Double
    /// Where the values and the reference levels come from.
    public let provenance: [Provenance]

    /// - Throws: ``AccountsError/invalidIndicator(id:detail:)`` for non-finite values or equal reference levels.
    public init(id: String, name: String, ecosystemType: EcosystemType, unit: AnyUnit, upperReference: Double,
                lowerReference: Double, opening: Double, closing: Double, provenance: [Provenance]) throws {
        for (label, value) in [("upper reference", upperReference), ("lower reference", lowerReference), ("opening value", opening),
                               ("closing value", closing)] where !value.isFinite {
            throw AccountsError.invalidIndicator(id: id, detail: "the \(label) is \(value); expected a finite number")
        }
        guard upperReference != lowerReference else {
            throw AccountsError.invalidIndicator(id: id, detail: "both reference levels are \(sixFigures(upperReference)) \(unit); expected two different levels")
        }
        self.id = id
        self.name = name
        self.ecosystemType = ecosystemType
        self.unit = unit
        self.upperReference = upperReference
        self.lowerReference = lowerReference
        self.opening = opening
        self.closing = closing
        self.provenance = provenance
    }

    /// The rescaled index of `value`, 0–1.
    public func index(_ value: Double) -> Double {
        min(1, max(0, (value - lowerReference) / (upperReference - lowerReference)))
    }

    public var openingIndex: Double { index(opening) }
    public var closingIndex: Double { index(closing) }
}
