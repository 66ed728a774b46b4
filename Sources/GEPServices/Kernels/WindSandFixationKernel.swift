import GEPCore

/// Wind-sand fixation for one ecosystem type or pixel: the soil that vegetation keeps from being blown away (RWEQ
/// potential minus actual loss; the factor equations are on ``RWEQ``), and the land that soil would have buried.
///
/// Formula (as `gep services show` prints it): SR = Σᵢ Aᵢ·(SL(WF·EF·SCF·K′) − SL(WF·EF·SCF·K′·e^(aᵢ·SCᵢ))), SL(X) = (2z/s²)·Q_max·e^(−(z/s)²), Q_max = 109.8·X, s = 150.71·X^−0.3711
///
/// - WF: weather factor (kg/m); EF: erodible fraction and SCF: soil crust factor, from topsoil sand, silt, clay,
///   organic matter and CaCO₃ (%); K′: terrain roughness factor (0–1); COG = e^(aᵢ·SCᵢ): vegetation factor from cover
///   SCᵢ (%) and coefficient aᵢ; SL at downwind distance z (m), kg/m²; potential loss uses COG = 1 (bare soil).
/// - Value, by method: `rweq-area-cost`, V = SR/(ρ·h)·c, the area that SR would cover at the standard sand depth h
///   (0.1 m in Garzê) with ρ the sand bulk density (1.28 t/m³ in Garzê), times the sand-control cost c per m²
///   (3.75 元/m² at 2010 prices in Garzê); `rweq-mass-cost`, V = SR·c_t, with c_t the cost of removing a tonne of sand.
///
/// Domain rules: a soil texture whose erodible fraction EF falls outside [0, 1] is rejected; a type where the
/// actual loss exceeds the potential (possible because SL(X) falls for very large X at a fixed distance)
/// contributes zero, with a warning. Water bodies and built-up land are not eroded by wind and are skipped.
///
/// Sources: GEP technical guideline (2020), wind-sand fixation; Fryrear et al., J. Soil Water Conserv. 2000,
/// 55(2):183–189 (RWEQ); Garzê (生态学报 2017, 37(19)) §2.4.3 and §3.2.3 (779.42万 t → 60.89 km² → 2.28 亿元).
public enum WindSandFixationKernel {
    /// The physical formula as `gep services show` prints it; the doc comment above holds the same text.
    public static let formula = "SR = Σᵢ Aᵢ·(SL(WF·EF·SCF·K′) − SL(WF·EF·SCF·K′·e^(aᵢ·SCᵢ))), SL(X) = (2z/s²)·Q_max·e^(−(z/s)²), Q_max = 109.8·X, s = 150.71·X^−0.3711"
    /// The value formula of `rweq-area-cost`.
    public static let areaCostFormula = "V = SR/(ρ·h)·c"
    /// The value formula of `rweq-mass-cost`.
    public static let massCostFormula = "V = SR·c_t"

    /// The topsoil, as fractions (0–1) of its mass.
    public struct Soil: Sendable, Hashable {
        public var sand, silt, clay, organicMatter, calciumCarbonate: Double

        public init(sand: Double, silt: Double, clay: Double, organicMatter: Double, calciumCarbonate: Double) {
            self.sand = sand
            self.silt = silt
            self.clay = clay
            self.organicMatter = organicMatter
            self.calciumCarbonate = calciumCarbonate
        }
    }

    /// X for bare soil, WF·EF·SCF·K′ (kg/m), with EF and SCF from the soil texture.
    ///
    /// - Throws: a rejection of `soil-sand` when the texture gives an erodible fraction outside [0, 1].
    public static func bareSoilFactor(weather: Quantity<MassPerLength>, soil: Soil, terrainRoughness: Double) throws(KernelRejection) -> Double {
        let clay = soil.clay * 100, organicMatter = soil.organicMatter * 100
        let erodible = RWEQ.erodibleFraction(sand: soil.sand * 100, silt: soil.silt * 100, clay: clay, organicMatter: organicMatter,
                                             calciumCarbonate: soil.calciumCarbonate * 100)
        guard (0...1).contains(erodible) else {
            throw KernelRejection(input: "soil-sand", value: erodible, expected: "a soil texture whose erodible fraction EF lies in [0, 1]")
        }
        return weather.value(in: .kilogramPerMetre) * erodible * RWEQ.soilCrustFactor(clay: clay, organicMatter: organicMatter)
            * terrainRoughness
    }

    /// A·(SL(X_bare) − SL(X_bare·COG)): the soil `area` keeps, with COG from its cover (fraction) and coefficient;
    /// zero with a warning when the actual loss exceeds the potential.
    public static func soilRetained(bareSoilFactor bare: Double, cover: Double, coefficient: Double, distance: Quantity<Length>,
                                    area: Quantity<Area>) -> KernelOutput<Quantity<Mass>> {
        let cog = RWEQ.vegetationFactor(coverPercent: cover * 100, coefficient: coefficient)
        let kept = RWEQ.soilLoss(bare, at: distance) - RWEQ.soilLoss(bare * cog, at: distance)
        guard kept.baseValue >= 0 else {
            return KernelOutput(.zero, warning: WarningText { "actual wind erosion exceeds potential at z = \(sixFigures(distance.value(in: .metre))) m; counted as zero" })
        }
        return KernelOutput(kept * area)
    }

    /// SR/(ρ·h): the land the retained sand would cover at depth h.
    public static func landKeptFromDesertification(sand: Quantity<Mass>, bulkDensity: Quantity<Density>,
                                                   coverDepth: Quantity<Length>) -> Quantity<Area> {
        sand / bulkDensity / coverDepth
    }
}
