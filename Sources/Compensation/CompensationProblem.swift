import GEPCore

/// One place that can receive (or pay) compensation, with the indicators the schemes read.
public struct CompensationUnit: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let localName: String?
    /// Total area, for per-km² metrics.
    public let area: Quantity<Area>
    /// Residents, for per-capita metrics, when known.
    public let population: Double?
    /// Indicator values by key ("gep", "opportunity-cost", ...), each in the unit its ``IndicatorSpec`` states.
    public let indicators: [String: Double]
    /// Area under each management regime ("grazing-ban", "forage-balance", ...), for area-rate schemes.
    public let regimeAreas: [String: Quantity<Area>]

    public init(id: String, name: String, localName: String? = nil, area: Quantity<Area>, population: Double? = nil,
                indicators: [String: Double] = [:], regimeAreas: [String: Quantity<Area>] = [:]) {
        self.id = id
        self.name = name
        self.localName = localName
        self.area = area
        self.population = population
        self.indicators = indicators
        self.regimeAreas = regimeAreas
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
    /// The fund to allocate, at the prices of its year.
    public let budget: Money

    /// 10¹⁵ 元, ten times China's GDP: a bound that keeps every scheme's arithmetic (squares in the optimised
    /// allocation's least squares) far from overflow.
    public static let largestBudgetYuan = 1e15

    /// - Throws: ``CompensationError/noUnits`` or ``CompensationError/invalidBudget(_:)``.
    public init(units: [CompensationUnit], indicators: [IndicatorSpec], budget: Money) throws {
        guard !units.isEmpty else { throw CompensationError.noUnits }
        guard budget.yuan >= 0, budget.yuan <= Self.largestBudgetYuan else { throw CompensationError.invalidBudget(budget.yuan) }
        self.units = units
        self.indicators = indicators
        self.budget = budget
    }

    /// The same units and indicators with another budget.
    public func with(budget: Money) throws -> CompensationProblem {
        try CompensationProblem(units: units, indicators: indicators, budget: budget)
    }

    /// One indicator's values in unit order.
    ///
    /// - Throws: ``CompensationError/missingIndicator(_:unit:)`` naming the first unit without it.
    public func values(of key: String) throws -> [Double] {
        try units.map { unit in
            guard let value = unit.indicators[key] else { throw CompensationError.missingIndicator(key, unit: unit.id) }
            return value
        }
    }

    /// The declared direction of an indicator (benefit when not declared).
    public func direction(of key: String) -> IndicatorSpec.Direction {
        indicators.first { $0.key == key }?.direction ?? .benefit
    }
}
