import GEPCore

/// Carbon sink (固碳): CO₂ taken up by ecosystems in a year, valued at a carbon price (market, national ETS, or
/// shadow, afforestation cost; the price book says which it holds).
///
/// The formula, its variables and sources are documented once, on ``CarbonFixationKernel``; this adapter reads the
/// inputs of the chosen route, calls the kernel and values the CO₂.
public struct CarbonSink: BatchAssessable {
    public let id: ServiceID = "carbon-sink"
    public let name = "carbon sink"
    public let localName = "固碳"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t CO₂"
    public let methods = CarbonFixation.methods(
        formulaSuffix: "Q_CO₂ = C·44/12; V = Q_CO₂·p_C",
        source: "GEP technical guideline (2020), carbon sequestration; GB/T 38582-2020; Garzê (生态学报 2017, 37(19)) §2.4.7",
        price: PriceRequirement(CarbonSink.carbonPrice, "carbon price per t CO₂ (market or shadow, as the price book states)"))

    /// The price of the gas, per t.
    public static let carbonPrice = PriceKey<Mass>("carbon-price")

    public init() {}

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        try CarbonFixation.gasResult(batch, method: method, inputs: inputs, prices: prices,
                                     gasPerCarbon: Stoichiometry.co2PerCarbon, line: ("co2-fixed", "CO₂ fixed"), price: CarbonSink.carbonPrice)
    }
}
