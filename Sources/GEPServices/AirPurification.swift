import GEPCore

/// Air purification (空气净化): SO₂ and NOx absorbed and dust retained by vegetation, capped at what is emitted,
/// valued at the cost of treating the same emissions.
///
/// Physical model: Q_k = min(Σᵢ Aᵢ·r_k,i, E_k) for k ∈ {SO₂, NOx, dust}, over the vegetated ecosystem types, with r
/// the uptake rate per area and E the emission in the unit.
///
/// Value: V = Σ_k Q_k·c_k, treatment-cost method (防治费用法); the Garzê table uses 1200 / 630 / 150 元/t (2010,
/// from the 2003 pollutant-discharge fee standard).
///
/// Sources: GEP technical guideline (2020), air purification; Garzê (生态学报 2017, 37(19)) §2.4.5 and Table 3
/// (1137 t SO₂, 2772 t NOx, 941 t dust; 0.0136 + 0.0175 + 0.0014 亿元).
public struct AirPurification: EcosystemService {
    public let id: ServiceID = "air-purification"
    public let name = "air purification"
    public let localName = "空气净化"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t"
    public let methods: [ServiceMethod]

    static let pollutants = [
        Pollutant(id: "so2", label: "SO₂ absorbed", rateInput: "so2-uptake-rate", capInput: "so2-emissions", priceKey: "so2-treatment-cost"),
        Pollutant(id: "nox", label: "NOx absorbed", rateInput: "nox-uptake-rate", capInput: "nox-emissions", priceKey: "nox-treatment-cost"),
        Pollutant(id: "dust", label: "dust retained", rateInput: "dust-retention-rate", capInput: "dust-emissions", priceKey: "dust-treatment-cost"),
    ]

    public init() {
        methods = [ServiceMethod(
            id: "treatment-cost", formula: "Q_k = min(Σᵢ Aᵢ·r_k,i, E_k), k ∈ {SO₂, NOx, dust}; V = Σ_k Q_k·c_k",
            source: "GEP technical guideline (2020), air purification; Garzê (生态学报 2017, 37(19)) §2.4.5",
            inputs: AirPurification.pollutants.flatMap(\.requirements), prices: AirPurification.pollutants.map(\.price))]
    }

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let removal = try PollutantRemoval.lines(AirPurification.pollutants, types: unit.types(in: .vegetated),
                                                 unit: unit, inputs: inputs, prices: prices)
        return result(for: unit, method: method, physical: PhysicalAmount(removal.total, in: .tonne),
                      lines: removal.lines, warnings: removal.warnings)
    }
}
