import GEPCore

/// One place that can receive (or pay) compensation. Its indicators and regime areas are held by the
/// ``CompensationProblem``, a column per key, so that a problem of 10⁵ units holds a few arrays rather than two
/// dictionaries a unit.
public struct CompensationUnit: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let localName: String?
    /// Total area, for per-km² metrics.
    public let area: Quantity<Area>
    /// Residents, for per-capita metrics, when known.
    public let population: Double?

    public init(id: String, name: String, localName: String? = nil, area: Quantity<Area>, population: Double? = nil) {
        self.id = id
        self.name = name
        self.localName = localName
        self.area = area
        self.population = population
    }
}

/// What an indicator measures and which way is better for the receiving unit.
public struct IndicatorSpec: Sendable, Hashable {
    /// Whether a larger value should attract more compensation.
    public enum Direction: String, Sendable, Hashable {
        /// More is better: GEP, protected area, forgone income.
        case benefit
        /// Less is better: pollution load, degraded area.
        case cost
    }

    public let key: String
    /// The unit of the values, for reports ("元", "km²", "t").
    public let unit: String
    public let direction: Direction

    public init(_ key: String, unit: String, direction: Direction = .benefit) {
        self.key = key
        self.unit = unit
        self.direction = direction
    }
}

/// The units, their indicators, and the budget to split: the common input of every ``CompensationScheme``.
public struct CompensationProblem: Sendable {
    public let units: [CompensationUnit]
    public let indicators: [IndicatorSpec]
    /// Indicator values by key ("gep", "opportunity-cost", ...), each in unit order and in the unit its
    /// ``IndicatorSpec`` states; nil where a unit has no value. A key need not be declared in ``indicators``
    /// (undeclared keys are benefits).
    public let indicatorValues: [String: [Double?]]
    /// Area under each management regime ("grazing-ban", "forage-balance", ...) in unit order, for area-rate
    /// schemes; nil where a unit has none under it.
    public let regimeAreas: [String: [Quantity<Area>?]]
    /// The fund to allocate, at the prices of its year.
    public let budget: Money

    /// 10¹⁵ 元, ten times China's GDP: a bound that keeps every scheme's arithmetic (squares in the optimised
    /// allocation's least squares) far from overflow.
    public static let largestBudgetYuan = 1e15

    /// - Throws: ``CompensationError/noUnits``, ``CompensationError/invalidBudget(_:)``, or
    ///   ``CompensationError/shapeMismatch(_:)`` for a column without one entry per unit.
    public init(units: [CompensationUnit], indicators: [IndicatorSpec], indicatorValues: [String: [Double?]] = [:],
                regimeAreas: [String: [Quantity<Area>?]] = [:], budget: Money) throws {
        guard !units.isEmpty else { throw CompensationError.noUnits }
        guard budget.yuan >= 0, budget.yuan <= Self.largestBudgetYuan else { throw CompensationError.invalidBudget(budget.yuan) }
        for (key, count) in indicatorValues.map({ ("indicator \"\($0.key)\"", $0.value.count) }) + regimeAreas.map({ ("regime \"\($0.key)\"", $0.value.count) })
        where count != units.count {
            throw CompensationError.shapeMismatch("\(key) has \(count) values for \(units.count) units")
        }
        self.units = units
        self.indicators = indicators
        self.indicatorValues = indicatorValues
        self.regimeAreas = regimeAreas
        self.budget = budget
    }

    /// The same units and indicators with another budget.
    public func with(budget: Money) throws -> CompensationProblem {
        try CompensationProblem(units: units, indicators: indicators, indicatorValues: indicatorValues, regimeAreas: regimeAreas, budget: budget)
    }

    /// One indicator's values in unit order.
    ///
    /// - Throws: ``CompensationError/missingIndicator(_:unit:)`` naming the first unit without it.
    public func values(of key: String) throws -> [Double] {
        guard let column = indicatorValues[key] else { throw CompensationError.missingIndicator(key, unit: units[0].id) }
        return try zip(units, column).map { unit, value in
            guard let value else { throw CompensationError.missingIndicator(key, unit: unit.id) }
            return value
        }
    }

    /// Whether every unit has a value of the indicator.
    public func holds(_ key: String) -> Bool {
        indicatorValues[key]?.allSatisfy { $0 != nil } ?? false
    }

    /// The indicators some unit has a value of, sorted (for messages naming what is known).
    public var heldIndicators: [String] {
        indicatorValues.filter { $0.value.contains { $0 != nil } }.keys.sorted()
    }

    /// The declared direction of an indicator (benefit when not declared).
    public func direction(of key: String) -> IndicatorSpec.Direction {
        indicators.first { $0.key == key }?.direction ?? .benefit
    }
}
