import GEPCore

/// Soil retention for one ecosystem type or pixel: soil that vegetation keeps from water erosion (RUSLE, potential
/// minus actual erosion), and what that soil would have cost downstream.
///
/// Formula (as `gep services show` prints it): A_c = Σᵢ Aᵢ·R·K·LS·(1 − C·P); V = λ·A_c/ρ·c_dredge + A_c·C_N·p_N + A_c·C_P·p_P
///
/// - R: rainfall erosivity (MJ·mm·ha⁻¹·h⁻¹·a⁻¹); K: soil erodibility (t·ha·h·ha⁻¹·MJ⁻¹·mm⁻¹); LS: slope length and
///   steepness factor; C: cover-management factor (0–1); P: support-practice factor (0–1); A_c in t.
/// - Value in three lines (Garzê eqs. 4–5): avoided siltation λ·A_c/ρ priced at the dredging cost c_dredge, with λ
///   the sediment deposition ratio (0.24) and ρ the soil bulk density (t/m³); nitrogen and phosphorus kept, A_c·C_N
///   and A_c·C_P, priced at their treatment costs p_N, p_P (元/t).
///
/// Sources: GEP technical guideline (2020), soil retention; Renard et al. 1997, USDA Agriculture Handbook 703
/// (RUSLE); Garzê (生态学报 2017, 37(19)) §2.4.2 and Table 3 (38.86 亿 t → 10.03 亿 m³, 1437.94 万 t N,
/// 419.72 万 t P, 399.60 亿元).
public enum SoilRetentionKernel {
    /// The formula as `gep services show` prints it; the doc comment above holds the same text.
    public static let formula = "A_c = Σᵢ Aᵢ·R·K·LS·(1 − C·P); V = λ·A_c/ρ·c_dredge + A_c·C_N·p_N + A_c·C_P·p_P"

    /// The RUSLE factors of one ecosystem type or pixel.
    public struct Factors: Sendable, Hashable {
        public var erosivity: Quantity<RainfallErosivity>
        public var erodibility: Quantity<SoilErodibility>
        public var slopeLengthSteepness: Double
        public var coverManagement: Double
        public var supportPractice: Double

        public init(erosivity: Quantity<RainfallErosivity>, erodibility: Quantity<SoilErodibility>, slopeLengthSteepness: Double,
                    coverManagement: Double, supportPractice: Double) {
            self.erosivity = erosivity
            self.erodibility = erodibility
            self.slopeLengthSteepness = slopeLengthSteepness
            self.coverManagement = coverManagement
            self.supportPractice = supportPractice
        }
    }

    /// A·R·K·LS·(1 − C·P): the soil `area` keeps.
    public static func soilRetained(_ f: Factors, area: Quantity<Area>) -> Quantity<Mass> {
        let potential = f.erosivity * f.erodibility * f.slopeLengthSteepness
        return soilRetained(potentialLoss: potential, coverTimesPractice: f.coverManagement * f.supportPractice) * area
    }

    /// Soil kept per area: potential loss R·K·LS minus actual loss R·K·LS·C·P.
    public static func soilRetained(potentialLoss: Quantity<ArealMass>, coverTimesPractice: Double) -> Quantity<ArealMass> {
        potentialLoss * (1 - coverTimesPractice)
    }

    /// What the retained soil would have become: sediment in reservoirs (λ·A_c/ρ), and its nitrogen and phosphorus.
    public static func avoidedLosses(soil: Quantity<Mass>, depositionRatio: Double, bulkDensity: Quantity<Density>,
                                     nitrogenContent: Double, phosphorusContent: Double)
        -> (siltation: Quantity<Volume>, nitrogen: Quantity<Mass>, phosphorus: Quantity<Mass>) {
        (soil * depositionRatio / bulkDensity, soil * nitrogenContent, soil * phosphorusContent)
    }
}
