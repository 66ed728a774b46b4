import GEPCore

/// Soil retention (土壤保持): soil that vegetation keeps from water erosion, valued by the reservoir siltation
/// and the nutrient loss it avoids.
///
/// Physical model (RUSLE, potential minus actual erosion), for each land ecosystem type i:
///
///     A_c = Σᵢ Aᵢ · Rᵢ·Kᵢ·LSᵢ·(1 − Cᵢ·Pᵢ)
///
/// - R: rainfall erosivity (MJ·mm·ha⁻¹·h⁻¹·a⁻¹); K: soil erodibility (t·ha·h·ha⁻¹·MJ⁻¹·mm⁻¹); LS: slope length and
///   steepness factor; C: cover-management factor (0–1); P: support-practice factor (0–1); A_c in t.
///
/// Value, in three lines (Garzê eqs. 4–5):
/// - avoided siltation: V₁ = λ · A_c/ρ · c_dredge, with λ the sediment deposition ratio (0.24), ρ the soil bulk
///   density (t/m³) and c_dredge the reservoir dredging cost (元/m³);
/// - nitrogen and phosphorus kept: V₂ = A_c·C_N·p_N + A_c·C_P·p_P, with C_N, C_P the soil N and P contents and p_N,
///   p_P their environmental treatment costs (元/t).
///
/// Sources: GEP technical guideline (2020), soil retention; Renard et al. 1997, USDA Agriculture Handbook 703
/// (RUSLE); Garzê (生态学报 2017, 37(19)) §2.4.2 and Table 3 (38.86 亿 t → 10.03 亿 m³, 1437.94 万 t N,
/// 419.72 万 t P, 399.60 亿元). Open water is not eroded and is skipped.
public struct SoilRetention: EcosystemService {
    public let id: ServiceID = "soil-retention"
    public let name = "soil retention"
    public let localName = "土壤保持"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t"
    public let methods = [ServiceMethod(
        id: "rusle",
        formula: "A_c = Σᵢ Aᵢ·R·K·LS·(1 − C·P); V = λ·A_c/ρ·c_dredge + A_c·C_N·p_N + A_c·C_P·p_P",
        source: "GEP technical guideline (2020), soil retention; Renard et al. 1997, USDA AH 703 (RUSLE); Garzê (生态学报 2017, 37(19)) §2.4.2",
        inputs: [
            InputRequirement("rainfall-erosivity", "RUSLE rainfall erosivity R", dimension: RainfallErosivity.self, scope: .perEcosystemType),
            InputRequirement("soil-erodibility", "RUSLE soil erodibility K", dimension: SoilErodibility.self, scope: .perEcosystemType),
            InputRequirement("slope-length-steepness", "RUSLE slope length and steepness factor LS", dimension: Ratio.self, scope: .perEcosystemType),
            InputRequirement("cover-management", "RUSLE cover-management factor C (0–1)", dimension: Ratio.self,
                             scope: .perEcosystemType, domain: .fraction),
            InputRequirement("support-practice", "RUSLE support-practice factor P (0–1)", dimension: Ratio.self,
                             scope: .perEcosystemType, domain: .fraction),
            InputRequirement("sediment-deposition-ratio", "share of eroded soil deposited in reservoirs λ", dimension: Ratio.self, domain: .fraction),
            InputRequirement("soil-bulk-density", "soil bulk density ρ (t/m³)", dimension: Density.self, domain: .positive),
            InputRequirement("soil-nitrogen-content", "soil total N content C_N", dimension: Ratio.self, domain: .fraction),
            InputRequirement("soil-phosphorus-content", "soil total P content C_P", dimension: Ratio.self, domain: .fraction),
        ],
        prices: [
            PriceRequirement("dredging-cost", "reservoir dredging cost per m³", per: Volume.self),
            PriceRequirement("nitrogen-removal-cost", "treatment cost per t of N", per: Mass.self),
            PriceRequirement("phosphorus-removal-cost", "treatment cost per t of P", per: Mass.self),
        ]
    )]

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let retained = try PerEcosystemType(unit.types(excluding: [.water])) { type -> Quantity<Mass> in
            let potential = try inputs.quantity("rainfall-erosivity", RainfallErosivity.self, for: type)
                * (try inputs.quantity("soil-erodibility", SoilErodibility.self, for: type))
                * (try inputs.ratio("slope-length-steepness", for: type))
            let cp = try inputs.ratio("cover-management", for: type) * (try inputs.ratio("support-practice", for: type))
            return SoilRetention.soilRetained(potentialLoss: potential, coverTimesPractice: cp) * unit.area(of: type)
        }
        let soil = retained.total
        let sediment = soil * (try inputs.ratio("sediment-deposition-ratio")) / (try inputs.quantity("soil-bulk-density", Density.self))
        let nitrogen = soil * (try inputs.ratio("soil-nitrogen-content"))
        let phosphorus = soil * (try inputs.ratio("soil-phosphorus-content"))
        let lines = [
            ValuedLine(id: "siltation-avoided", label: "reservoir siltation avoided", quantity: sediment,
                       price: try prices.unitPrice("dredging-cost", Volume.self), priceKey: "dredging-cost"),
            ValuedLine(id: "nitrogen-retained", label: "soil nitrogen retained", quantity: nitrogen,
                       price: try prices.unitPrice("nitrogen-removal-cost", Mass.self), priceKey: "nitrogen-removal-cost"),
            ValuedLine(id: "phosphorus-retained", label: "soil phosphorus retained", quantity: phosphorus,
                       price: try prices.unitPrice("phosphorus-removal-cost", Mass.self), priceKey: "phosphorus-removal-cost"),
        ]
        return result(for: unit, method: method, physical: PhysicalAmount(soil, in: .tonne, byEcosystemType: retained.byType),
                      lines: lines)
    }

    /// Soil kept per area: potential loss R·K·LS minus actual loss R·K·LS·C·P.
    public static func soilRetained(potentialLoss: Quantity<ArealMass>, coverTimesPractice: Double) -> Quantity<ArealMass> {
        potentialLoss * (1 - coverTimesPractice)
    }
}
