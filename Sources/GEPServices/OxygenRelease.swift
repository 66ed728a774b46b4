import GEPCore

/// Oxygen release (释氧): O₂ released by net photosynthesis in a year, valued at the cost of industrial oxygen.
///
/// Several later standards drop oxygen release as not a final product (张林波 et al., "生态系统生产价值核算的
/// 基本原则"); an account can report it and leave it out of the total (`Account(excludedFromTotal:)`).
///
/// The formula, its variables and sources are documented once, on ``CarbonFixationKernel``; this adapter reads the
/// inputs of the chosen route, calls the kernel and values the O₂.
public struct OxygenRelease: BatchAssessable {
    public let id: ServiceID = "oxygen-release"
    public let name = "oxygen release"
    public let localName = "释氧"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t O₂"
    public let methods = CarbonFixation.methods(
        formulaSuffix: "Q_O₂ = C·32/12; V = Q_O₂·p_O₂",
        source: "GEP technical guideline (2020), oxygen release; GB/T 38582-2020; Garzê (生态学报 2017, 37(19)) §2.4.7",
        price: PriceRequirement(OxygenRelease.oxygenPrice, "industrial oxygen cost per t O₂"))

    /// The price of the gas, per t.
    public static let oxygenPrice = PriceKey<Mass>("oxygen-price")

    public init() {}

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        try CarbonFixation.gasResult(batch, method: method, inputs: inputs, prices: prices,
                                     gasPerCarbon: Stoichiometry.oxygenPerCarbon, line: ("o2-released", "O₂ released"), price: OxygenRelease.oxygenPrice)
    }
}
