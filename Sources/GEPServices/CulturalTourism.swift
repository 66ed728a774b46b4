import GEPCore

/// Cultural tourism (文化旅游 / 景观游憩): the recreation value people get from visiting ecosystems.
///
/// Methods (the model picks one per region; reports say which):
/// - `travel-cost` (default): V = N · c, with N the annual visits (人次) and c the mean travel cost per visit (元),
///   the travel-cost method of the Garzê example (358.68 万人次 → 70.67 亿元 in 2010).
/// - `revenue`: V = I · s, with I the annual tourism revenue (元, at the prices of its own year) and s the share of
///   it attributable to ecosystems (0–1).
///
/// Visits and revenue must be annual figures: cumulative multi-year totals (as in seed 003) are not accepted as
/// they stand.
///
/// Sources: GEP technical guideline (2020), cultural services; Garzê (生态学报 2017, 37(19)) §2.5.
public struct CulturalTourism: EcosystemService {
    public let id: ServiceID = "cultural-tourism"
    public let name = "cultural tourism"
    public let localName = "文化旅游"
    public let category = ServiceCategory.cultural
    public let physicalUnit = "visit"
    public let methods = [
        ServiceMethod(
            id: "travel-cost", formula: "V = N·c (N visits per year, c travel cost per visit)",
            source: "GEP technical guideline (2020), recreation; Garzê (生态学报 2017, 37(19)) §2.5",
            inputs: [InputRequirement("visits", "annual tourist visits N (人次)", dimension: Count.self)],
            prices: [PriceRequirement("travel-cost-per-visit", "mean travel cost per visit c", per: Count.self)]),
        ServiceMethod(
            id: "revenue", formula: "V = I·s (I annual tourism revenue, s share attributable to ecosystems)",
            source: "GEP technical guideline (2020), recreation (revenue variant)",
            inputs: [
                InputRequirement("tourism-revenue", "annual tourism revenue I, with its year as price year", dimension: Currency.self),
                InputRequirement("ecosystem-share", "share of tourism revenue attributable to ecosystems s (0–1)",
                                 dimension: Ratio.self, domain: .fraction),
                InputRequirement("visits", "annual tourist visits (reported, not valued)", dimension: Count.self, isOptional: true),
            ],
            prices: []),
    ]

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let visits = inputs.has("visits") ? try inputs.quantity("visits", Count.self) : .zero
        let physical = PhysicalAmount(visits, in: .visit)
        if method.id == "travel-cost" {
            let line = ValuedLine(id: "visits", label: "tourist visits", quantity: visits,
                                  price: try prices.unitPrice("travel-cost-per-visit", Count.self), priceKey: "travel-cost-per-visit")
            return result(for: unit, method: method, physical: physical, lines: [line])
        }
        let revenue = try inputs.money("tourism-revenue")
        let attributable = revenue.yuan * (try inputs.ratio("ecosystem-share"))
        let line = ValuedLine(id: "attributable-revenue", label: "tourism revenue attributable to ecosystems",
                              quantity: PhysicalAmount(amount: attributable, unit: "元"), priceKey: "tourism-revenue",
                              yuanPerUnit: 1, priceYear: revenue.priceYear)
        return result(for: unit, method: method, physical: physical, lines: [line])
    }
}
