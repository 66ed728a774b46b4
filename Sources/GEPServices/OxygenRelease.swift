import GEPCore

/// Oxygen release (释氧): O₂ released by net photosynthesis in a year, valued at the cost of industrial oxygen.
///
/// Physical model: Q_O₂ = C · 32/12 (= Q_CO₂ · 32/44), with C the net carbon fixed (t C) by the same routes as
/// ``CarbonSink``; each mole of CO₂ fixed releases one mole of O₂.
///
/// Value: V = Q_O₂ · p_O₂, with p_O₂ the industrial oxygen cost (727 元/t at 2010 prices in the Garzê table).
///
/// Several later standards drop oxygen release as not a final product (张林波 et al., "生态系统生产价值核算的
/// 基本原则"); an account can report it and leave it out of the total (`Account(excludedFromTotal:)`).
///
/// Sources: GEP technical guideline (2020), oxygen release; GB/T 38582-2020 (G = 1.19·A·B_net in dry-matter form);
/// Garzê (生态学报 2017, 37(19)) §2.4.7.
public struct OxygenRelease: EcosystemService {
    public let id: ServiceID = "oxygen-release"
    public let name = "oxygen release"
    public let localName = "释氧"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t O₂"
    public let methods = CarbonFixation.methods(
        formulaSuffix: "Q_O₂ = C·32/12; V = Q_O₂·p_O₂",
        source: "GEP technical guideline (2020), oxygen release; GB/T 38582-2020; Garzê (生态学报 2017, 37(19)) §2.4.7",
        prices: [PriceRequirement("oxygen-price", "industrial oxygen cost per t O₂", per: Mass.self)])

    /// The mass of O₂ released per mass unit of carbon fixed: 32/12.
    public static let oxygenPerCarbon = 32.0 / 12.0

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        try CarbonFixation.gasResult(self, unit: unit, method: method, inputs: inputs, prices: prices,
                                     gasPerCarbon: OxygenRelease.oxygenPerCarbon, line: ("o2-released", "O₂ released"), priceKey: "oxygen-price")
    }
}
