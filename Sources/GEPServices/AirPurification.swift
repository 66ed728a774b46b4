import GEPCore

/// Air purification (空气净化): SO₂ and NOx absorbed and dust retained by vegetation, capped at what is emitted,
/// valued at the cost of treating the same emissions.
///
/// The formula, its variables, domain rule and sources are documented once, on ``PollutantRemovalKernel``.
public struct AirPurification: BatchAssessable {
    public enum Method: String, CaseIterable, Sendable {
        case treatmentCost = "treatment-cost"
    }

    public let id: ServiceID = "air-purification"
    public let name = "air purification"
    public let localName = "空气净化"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t"
    public let methods: [ServiceMethod]

    static let pollutants = [
        Pollutant(id: "so2", label: "SO₂ absorbed", rate: "so2-uptake-rate", cap: "so2-emissions", price: "so2-treatment-cost"),
        Pollutant(id: "nox", label: "NOx absorbed", rate: "nox-uptake-rate", cap: "nox-emissions", price: "nox-treatment-cost"),
        Pollutant(id: "dust", label: "dust retained", rate: "dust-retention-rate", cap: "dust-emissions", price: "dust-treatment-cost"),
    ]

    public init() {
        methods = [ServiceMethod(
            id: Method.treatmentCost.rawValue, formula: PollutantRemovalKernel.airFormula,
            source: "GEP technical guideline (2020), air purification; Garzê (生态学报 2017, 37(19)) §2.4.5",
            inputs: AirPurification.pollutants.flatMap(\.requirements), prices: AirPurification.pollutants.map(\.priceRequirement))]
    }

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        try PollutantRemoval.result(AirPurification.pollutants, types: batch.types(in: .vegetated), batch: batch, inputs: inputs, prices: prices)
    }
}
