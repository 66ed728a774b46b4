import GEPCore

/// Water purification (水质净化): COD, ammonia nitrogen and total phosphorus removed by wetlands and water bodies,
/// capped at the load they receive, valued at the cost of treating the same load.
///
/// The formula, its variables, domain rule and sources are documented once, on ``PollutantRemovalKernel``.
public struct WaterPurification: BatchAssessable {
    public enum Method: String, CaseIterable, Sendable {
        case treatmentCost = "treatment-cost"
    }

    public let id: ServiceID = "water-purification"
    public let name = "water purification"
    public let localName = "水质净化"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t"
    public let methods: [ServiceMethod]

    static let pollutants = [
        Pollutant(id: "cod", label: "COD removed", rate: "cod-removal-rate", cap: "cod-load", price: "cod-treatment-cost"),
        Pollutant(id: "ammonia-nitrogen", label: "NH₃-N removed", rate: "ammonia-nitrogen-removal-rate",
                  cap: "ammonia-nitrogen-load", price: "ammonia-nitrogen-treatment-cost"),
        Pollutant(id: "total-phosphorus", label: "TP removed", rate: "total-phosphorus-removal-rate",
                  cap: "total-phosphorus-load", price: "phosphorus-removal-cost"),
    ]

    public init() {
        methods = [ServiceMethod(
            id: Method.treatmentCost.rawValue, formula: PollutantRemovalKernel.waterFormula,
            source: "GEP technical guideline (2020), water purification (COD, NH₃-N and TP); Garzê (生态学报 2017, 37(19)) §2.4.6 and §2.4.2 (the P treatment cost)",
            inputs: WaterPurification.pollutants.flatMap(\.requirements), prices: WaterPurification.pollutants.map(\.priceRequirement))]
    }

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        try PollutantRemoval.result(WaterPurification.pollutants, types: batch.types(in: .wetAndWater), batch: batch, inputs: inputs, prices: prices)
    }
}
