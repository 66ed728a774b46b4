import Foundation
import GEPCore

/// InVEST's carbon storage, sequestration and annual water yield for one pixel or one ecosystem type, as natcap.invest 3.20
/// computes them, so that GEPKit gives InVEST's numbers on InVEST's inputs.
///
/// Formula (as `gep services show` prints it, carbon storage): C = A·(C_above + C_below + C_soil + C_dead); V = C·44/12·p_C
///
/// - C_above, C_below, C_soil, C_dead: carbon density of the four pools of the pixel's class (t C/ha, InVEST's
///   carbon-pool table: columns `c_above`, `c_below`, `c_soil`, `c_dead`); A: area (ha); C in t C; p_C: carbon price
///   per t CO₂ (C·44/12 is the CO₂ the stock holds). InVEST sums the pools per pixel (`carbon.py`,
///   `_generate_carbon_map` and `sum_op`) and writes t/ha; the stock is valued here at the carbon price, which is a
///   stock value, not a year's flow: a GEP account shows it with `in-total: false`.
///
/// Formula (as `gep services show` prints it, carbon sequestration, stock change): ΔC = A·(ΣC_alt − ΣC_bas); V = ΔC·44/12·p_C/n
///
/// Formula (as `gep services show` prints it, carbon sequestration, net present value): ΔC = A·(ΣC_alt − ΣC_bas); V = ΔC·44/12·p_C·(1/n)·Σ_{k=0}^{n−1} rᵏ, r = 1/((1 + d)(1 + c))
///
/// - ΣC_bas, ΣC_alt: the four pools of the pixel's class in the baseline and in the alternative land-cover map
///   (InVEST's `lulc_bas_path` and `lulc_alt_path`), t C/ha; ΔC in t C, negative where carbon is lost (`carbon.py`:
///   `c_change_bas_alt` = `c_storage_alt` − `c_storage_bas`). n: years from the baseline map to the alternative one
///   (`lulc_alt_year` − `lulc_bas_year`, a whole number ≥ 1). The stock change spread evenly over n years is a
///   yearly flow, valued at the carbon price p_C per t CO₂.
/// - The net present value is InVEST's (`_calculate_valuation_constant`, `_calculate_npv`): the yearly share ΔC/n
///   earned in each of the years k = 0 … n − 1 at a price growing by c a year and discounted at d a year (both as
///   fractions: InVEST's `discount_rate` and `rate_change` are percentages). InVEST prices a t C; p_C·44/12 is the
///   same price when p_C is per t CO₂. Σ rᵏ = (1 − rⁿ)/(1 − r), and n when r = 1, as InVEST computes it.
///
/// Formula (as `gep services show` prints it, annual water yield): Y = (1 − AET/P)·P; AET/P = min(PET/P, 1 + PET/P − [1 + (PET/P)^ω]^(1/ω)) where vegetated, min(PET, P)/P elsewhere; PET = Kc·ET₀; ω = min(Z·AWC/P + 1.25, 5), AWC = min(root depth, soil depth)·PAWC; V = Y·A·C_res
///
/// - P: annual precipitation (mm); ET₀: reference evapotranspiration (mm); Kc: the class's crop coefficient; root
///   depth (mm, the class's `root_depth`); soil depth: depth to the root-restricting layer (mm); PAWC: plant
///   available water content (0–1); Z: the seasonality constant (1–30); "vegetated" is the class's `lulc_veg` = 1.
///   Y in mm; × area gives m³ (1 mm on 1 ha = 10 m³); C_res: reservoir construction cost per m³.
/// - This is Fu's form of the Budyko curve (Fu 1981; Zhang et al. 2004) as InVEST implements it in
///   `annual_water_yield.py`, `fractp_op`: ω capped at 5, AET capped at PET through min(φ, AET/P), and non-vegetated
///   classes (water, built-up, wetlands) at AET = min(Kc·ET₀, P).
/// - Domain rules: InVEST writes nodata where P = 0; here such a pixel yields 0 mm with a warning.
///
/// Sources: natcap/invest 3.20, `src/natcap/invest/carbon/carbon.py` and
/// `src/natcap/invest/annual_water_yield/annual_water_yield.py`; Sharp et al., InVEST User's Guide (Natural Capital
/// Project), "Carbon Storage and Sequestration" and "Annual Water Yield"; Fu B.P., Scientia Atmospherica Sinica 1981,
/// 5(1):23–31; Zhang L. et al., Water Resour. Res. 2004, 40, W02502; Donohue et al., J. Hydrol. 2012, 436–437:35–50.
public enum InVESTKernel {
    /// The formulas as `gep services show` prints them; the doc comment above holds the same text.
    public static let carbonFormula = "C = A·(C_above + C_below + C_soil + C_dead); V = C·44/12·p_C"
    public static let waterYieldFormula = "Y = (1 − AET/P)·P; AET/P = min(PET/P, 1 + PET/P − [1 + (PET/P)^ω]^(1/ω)) where vegetated, min(PET, P)/P elsewhere; PET = Kc·ET₀; ω = min(Z·AWC/P + 1.25, 5), AWC = min(root depth, soil depth)·PAWC; V = Y·A·C_res"

    public static let sequestrationFormula = "ΔC = A·(ΣC_alt − ΣC_bas); V = ΔC·44/12·p_C/n"
    public static let sequestrationValueFormula = "ΔC = A·(ΣC_alt − ΣC_bas); V = ΔC·44/12·p_C·(1/n)·Σ_{k=0}^{n−1} rᵏ, r = 1/((1 + d)(1 + c))"

    /// The present value of one unit of a stock change spread evenly over `years` years, at a price changing by
    /// `priceChange` a year and discounted at `discountRate` (fractions): (1/n)·Σ_{k=0}^{n−1} rᵏ with
    /// r = 1/((1 + d)(1 + c)). InVEST's valuation constant is this times its price per t C.
    public static func presentValueFactor(years: Int, discountRate: Double, priceChange: Double) -> Double {
        let n = Double(years), ratio = 1 / ((1 + discountRate) * (1 + priceChange))
        guard ratio != 1 else { return 1 }
        return (1 - pow(ratio, n)) / (1 - ratio) / n
    }

    /// Carbon density of a pixel's four pools together, in t C/ha.
    public static func carbonDensity(above: Double, below: Double, soil: Double, dead: Double) -> Double {
        above + below + soil + dead
    }

    /// The pixel's climate, soil and class, for the water yield.
    public struct WaterYieldFactors: Sendable {
        /// P, ET₀, root depth and soil depth in mm.
        public var precipitation: Double, referenceEvapotranspiration: Double
        public var cropCoefficient: Double, rootDepth: Double, soilDepth: Double
        /// PAWC as a fraction.
        public var plantAvailableWater: Double
        public var vegetated: Bool
        /// Z.
        public var seasonality: Double

        public init(precipitation: Double, referenceEvapotranspiration: Double, cropCoefficient: Double, rootDepth: Double,
                    soilDepth: Double, plantAvailableWater: Double, vegetated: Bool, seasonality: Double) {
            self.precipitation = precipitation
            self.referenceEvapotranspiration = referenceEvapotranspiration
            self.cropCoefficient = cropCoefficient
            self.rootDepth = rootDepth
            self.soilDepth = soilDepth
            self.plantAvailableWater = plantAvailableWater
            self.vegetated = vegetated
            self.seasonality = seasonality
        }
    }

    /// AET/P, the share of precipitation evapotranspired (InVEST's `fractp`); P > 0.
    public static func evapotranspiredFraction(_ f: WaterYieldFactors) -> Double {
        let p = f.precipitation, pet = f.cropCoefficient * f.referenceEvapotranspiration
        guard f.vegetated else { return min(pet, p) / p }
        let available = min(f.rootDepth, f.soilDepth) * f.plantAvailableWater
        let omega = min(available / p * f.seasonality + 1.25, 5)
        let ratio = pet / p
        let budyko = 1 + ratio - pow(1 + pow(ratio, omega), 1 / omega)
        return min(ratio, budyko)
    }

    /// The water yield Y (mm) of a pixel, 0 with a warning where it has no precipitation.
    public static func waterYield(_ f: WaterYieldFactors) -> KernelOutput<Double> {
        guard f.precipitation > 0 else { return KernelOutput(0, warning: "no precipitation: yield 0 mm (InVEST writes nodata)") }
        return KernelOutput((1 - evapotranspiredFraction(f)) * f.precipitation)
    }
}
