import GEPCore

/// Cultural tourism (文化旅游 / 景观游憩): the recreation value people get from visiting ecosystems.
///
/// The methods, their formulas and sources are documented once, on ``CulturalTourismKernel``; the model picks one
/// method per region and reports say which.
public struct CulturalTourism: EcosystemService {
    /// The inputs and price, each named once with its dimension.
    public enum Keys {
        public static let visits = InputKey<Count>("visits")
        public static let tourismRevenue = InputKey<Currency>("tourism-revenue")
        public static let ecosystemShare = InputKey<Ratio>("ecosystem-share")
        public static let travelCostPerVisit = PriceKey<Count>("travel-cost-per-visit")
    }

    public enum Method: String, CaseIterable, Sendable {
        case travelCost = "travel-cost"
        case revenue
    }

    public let id: ServiceID = "cultural-tourism"
    public let name = "cultural tourism"
    public let localName = "文化旅游"
    public let category = ServiceCategory.cultural
    public let physicalUnit = "visit"
    public let methods = [
        ServiceMethod(
            id: Method.travelCost.rawValue, formula: CulturalTourismKernel.travelCostFormula,
            source: "GEP technical guideline (2020), recreation; Garzê (生态学报 2017, 37(19)) §2.5",
            inputs: [InputRequirement(Keys.visits, "annual tourist visits N (人次)")],
            prices: [PriceRequirement(Keys.travelCostPerVisit, "mean travel cost per visit c")]),
        ServiceMethod(
            id: Method.revenue.rawValue, formula: CulturalTourismKernel.revenueFormula,
            source: "GEP technical guideline (2020), recreation (revenue variant)",
            inputs: [
                InputRequirement(Keys.tourismRevenue, "annual tourism revenue I, with its year as price year"),
                InputRequirement(Keys.ecosystemShare, "share of tourism revenue attributable to ecosystems s (0–1)", domain: .fraction),
                InputRequirement(Keys.visits, "annual tourist visits (reported, not valued)", presence: .optional),
            ],
            prices: []),
    ]

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        guard let valuation = Method(rawValue: method.id) else {
            throw ServiceError.unknownMethod(service: id.rawValue, method: method.id, available: Method.allCases.map(\.rawValue))
        }
        let visits = inputs.has(Keys.visits) ? try inputs.quantity(Keys.visits) : .zero
        let physical = PhysicalAmount(visits, in: .visit)
        switch valuation {
        case .travelCost:
            let line = ValuedLine(id: "visits", label: "tourist visits", quantity: visits,
                                  price: try prices.unitPrice(Keys.travelCostPerVisit), priceKey: Keys.travelCostPerVisit.name)
            return result(for: unit, method: method, physical: physical, lines: [line])
        case .revenue:
            let attributable = CulturalTourismKernel.attributableRevenue(try inputs.money(Keys.tourismRevenue),
                                                                         ecosystemShare: try inputs.ratio(Keys.ecosystemShare))
            let line = ValuedLine(id: "attributable-revenue", label: "tourism revenue attributable to ecosystems",
                                  quantity: Quantity<Currency>(baseValue: attributable.yuan),
                                  price: UnitPrice(1, per: Currency.baseUnit, priceYear: attributable.priceYear),
                                  priceKey: Keys.tourismRevenue.name)
            return result(for: unit, method: method, physical: physical, lines: [line])
        }
    }
}
