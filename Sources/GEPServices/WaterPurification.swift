import GEPCore

/// Water purification (水质净化): COD and ammonia nitrogen removed by wetlands and water bodies, capped at the
/// load they receive, valued at the cost of treating the same load.
///
/// Physical model: Q_k = min(Σᵢ Aᵢ·r_k,i, L_k) for k ∈ {COD, NH₃-N}, over marshes, lakes, rivers and reservoirs, with
/// r the removal rate per area and L the pollutant load discharged in the unit.
///
/// Value: V = Σ_k Q_k·c_k (防治费用法); the Garzê table uses 700 元/t COD and 875 元/t NH₃-N (2010). Total phosphorus
/// is left out: the guideline family gives it no treatment price for this service.
///
/// Sources: GEP technical guideline (2020), water purification; Garzê (生态学报 2017, 37(19)) §2.4.6 and Table 3
/// (5424 t COD, 625 t NH₃-N; 0.0380 + 0.0055 亿元).
public struct WaterPurification: EcosystemService {
    public let id: ServiceID = "water-purification"
    public let name = "water purification"
    public let localName = "水质净化"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t"
    public let methods: [ServiceMethod]

    static let pollutants = [
        Pollutant(id: "cod", label: "COD removed", rateInput: "cod-removal-rate", capInput: "cod-load", priceKey: "cod-treatment-cost"),
        Pollutant(id: "ammonia-nitrogen", label: "NH₃-N removed", rateInput: "ammonia-nitrogen-removal-rate",
                  capInput: "ammonia-nitrogen-load", priceKey: "ammonia-nitrogen-treatment-cost"),
    ]

    public init() {
        methods = [ServiceMethod(
            id: "treatment-cost", formula: "Q_k = min(Σᵢ Aᵢ·r_k,i, L_k), k ∈ {COD, NH₃-N}, wetlands and water; V = Σ_k Q_k·c_k",
            source: "GEP technical guideline (2020), water purification; Garzê (生态学报 2017, 37(19)) §2.4.6",
            inputs: WaterPurification.pollutants.flatMap(\.requirements), prices: WaterPurification.pollutants.map(\.price))]
    }

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let removal = try PollutantRemoval.lines(WaterPurification.pollutants, types: unit.types(in: .wetAndWater),
                                                 unit: unit, inputs: inputs, prices: prices)
        return result(for: unit, method: method, physical: PhysicalAmount(removal.total, in: .tonne),
                      lines: removal.lines, warnings: removal.warnings)
    }
}
