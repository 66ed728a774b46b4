import GEPCore

/// Carbon sink (固碳): CO₂ taken up by ecosystems in a year, valued at a carbon price.
///
/// Physical model: Q_CO₂ = C · 44/12, where C is the net carbon fixed (t C) by one of the routes of
/// `CarbonFixation` (NEP; NPP − Rh; forest stock increment) and 44/12 the mass ratio of CO₂ to C.
///
/// Value: V = Q_CO₂ · p_C, with p_C in 元 per t **CO₂** (not per t C: the two differ by 44/12 ≈ 3.67). Market
/// (national ETS) and shadow (afforestation cost, 380 元/t at 2010 prices in the Garzê table) prices are both in use;
/// the price book says which it holds.
///
/// Sources: GEP technical guideline (2020), carbon sequestration; GB/T 38582-2020 carbon fixation; Garzê
/// (生态学报 2017, 37(19)) §2.4.7.
public struct CarbonSink: EcosystemService {
    public let id: ServiceID = "carbon-sink"
    public let name = "carbon sink"
    public let localName = "固碳"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t CO₂"
    public let methods = CarbonFixation.methods(
        formulaSuffix: "Q_CO₂ = C·44/12; V = Q_CO₂·p_C",
        source: "GEP technical guideline (2020), carbon sequestration; GB/T 38582-2020; Garzê (生态学报 2017, 37(19)) §2.4.7",
        prices: [PriceRequirement("carbon-price", "carbon price per t CO₂ (market or shadow, as the price book states)", per: Mass.self)])

    /// The mass of CO₂ that contains one mass unit of carbon: 44/12 (molar masses 44.01 and 12.011 g/mol, rounded
    /// as the guideline does).
    public static let co2PerCarbon = 44.0 / 12.0

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        try CarbonFixation.gasResult(self, unit: unit, method: method, inputs: inputs, prices: prices,
                                     gasPerCarbon: CarbonSink.co2PerCarbon, line: ("co2-fixed", "CO₂ fixed"), priceKey: "carbon-price")
    }
}
