import Foundation
import GEPCore

/// The Revised Wind Erosion Equation (RWEQ): soil lost to wind at a point downwind of a field edge, and the
/// factor equations that feed it.
///
/// Sources: Fryrear D.W. et al., RWEQ: Improved wind erosion technology, Journal of Soil and Water Conservation
/// 2000, 55(2): 183–189, and the RWEQ technical manual (USDA-ARS, 1998); the factor forms used in Chinese GEP work
/// follow 巩国丽 et al. and Huang Binbin et al. (Inner Mongolia, 2001–2010), as implemented in NatCap's
/// `winderosion` scripts (charlottegiseleweil/winderosion). Two known pitfalls are handled here: the critical
/// field length uses **150.71** (the NatCap script's 105.71 is a typo), and the wind factor counts only wind
/// speeds above the threshold (the script adds (U − U_t)² for every speed).
///
/// All functions are pure: a per-pixel driver can call them unchanged.
public enum RWEQ {
    /// Standard gravity g = 9.8 m/s², as RWEQ uses it.
    public static let gravity = 9.8
    /// Threshold wind speed at 2 m, U_t = 5 m/s.
    public static let thresholdWindSpeed = 5.0

    /// Maximum transport capacity Q_max = 109.8 · X (kg/m), with X = WF·EF·SCF·K′·COG.
    public static func maximumTransportCapacity(_ x: Double) -> Quantity<MassPerLength> {
        Quantity(109.8 * x, .kilogramPerMetre)
    }

    /// Critical field length s = 150.71 · X^(−0.3711) (m): the distance at which 63 % of Q_max is reached.
    public static func criticalFieldLength(_ x: Double) -> Quantity<Length> {
        Quantity(150.71 * pow(x, -0.3711), .metre)
    }

    /// Soil loss at distance z downwind, SL = (2z/s²) · Q_max · e^(−(z/s)²) (kg/m²): the derivative of
    /// Q(z) = Q_max·(1 − e^(−(z/s)²)). Zero when X = 0 (no wind, no erodible soil, or full cover).
    ///
    /// - Parameters:
    ///   - x: the product WF·EF·SCF·K′·COG, with WF in kg/m and the other factors dimensionless.
    ///   - distance: z, the downwind distance (50 m in the Chinese GEP implementations).
    public static func soilLoss(_ x: Double, at distance: Quantity<Length>) -> Quantity<ArealMass> {
        precondition(x >= 0, "RWEQ: negative factor product \(x)")
        guard x > 0 else { return .zero }
        let qmax = maximumTransportCapacity(x).value(in: .kilogramPerMetre)
        let s = criticalFieldLength(x).value(in: .metre)
        let z = distance.value(in: .metre)
        return Quantity(2 * z / (s * s) * qmax * exp(-(z / s) * (z / s)), .kilogramPerSquareMetre)
    }

    /// Erodible fraction EF = (29.09 + 0.31·sa + 0.17·si + 0.33·sa/cl − 2.59·OM − 0.95·CaCO₃)/100, with sand (sa),
    /// silt (si), clay (cl), organic matter (OM) and CaCO₃ in percent of the topsoil.
    public static func erodibleFraction(sand: Double, silt: Double, clay: Double, organicMatter: Double,
                                        calciumCarbonate: Double) -> Double {
        (29.09 + 0.31 * sand + 0.17 * silt + 0.33 * sand / clay - 2.59 * organicMatter - 0.95 * calciumCarbonate) / 100
    }

    /// Soil crust factor SCF = 1 / (1 + 0.0066·cl² + 0.021·OM²), clay and organic matter in percent.
    public static func soilCrustFactor(clay: Double, organicMatter: Double) -> Double {
        1 / (1 + 0.0066 * clay * clay + 0.021 * organicMatter * organicMatter)
    }

    /// Vegetation factor COG = e^(a·SC), with SC the vegetation cover in percent and a ≤ 0 a coefficient per
    /// ecosystem type (values such as −0.1535 for forest and −0.1151 for grassland appear in Chinese GEP papers;
    /// they are inputs with provenance, not constants).
    public static func vegetationFactor(coverPercent: Double, coefficient: Double) -> Double {
        exp(coefficient * coverPercent)
    }

    /// Wind factor Σ U·(U − U_t)² over the speeds U (m/s, at 2 m) above the threshold U_t; speeds at or below it
    /// move no soil and add nothing.
    public static func windFactor(speeds: [Double], threshold: Double = thresholdWindSpeed) -> Double {
        speeds.filter { $0 > threshold }.reduce(0) { $0 + $1 * ($1 - threshold) * ($1 - threshold) }
    }

    /// Air density ρ = 1.293 · 273/(273 + T) · P/101.3 (kg/m³), with T in °C and P the air pressure in kPa.
    public static func airDensity(temperatureCelsius: Double, pressureKilopascal: Double) -> Double {
        1.293 * (273 / (273 + temperatureCelsius)) * pressureKilopascal / 101.3
    }

    /// Air pressure at elevation z (m): P = 101.3 · (1 − 0.0255 · (z/1000) · 6357/(6357 + z/1000))^5.256 (kPa).
    public static func airPressure(elevationMetres z: Double) -> Double {
        let km = z / 1000
        return 101.3 * pow(1 - 0.0255 * km * (6357 / (6357 + km)), 5.256)
    }

    /// Calories per cm² in one MJ per m² (1 cal = 4.1868 J): the RWEQ manual's ETp takes radiation in cal/cm².
    public static let caloriesPerSquareCentimetrePerMegajoulePerSquareMetre = 1e6 / 4.1868 / 1e4

    /// Potential evapotranspiration over a period, ETp = 0.0162 · (SR/58.5) · (T + 17.8) (mm), with SR the solar
    /// radiation received in the period in cal/cm² (taken here in MJ/m² and converted) and T its mean air
    /// temperature in °C; 58.5 cal/cm² evaporates 1 mm of water. Source: Fryrear et al., RWEQ technical manual
    /// (USDA-ARS Technical Bulletin 1, 1998), soil wetness factor. The NatCap script writes 0.0135·(SR/2.54),
    /// Hargreaves's coefficient with a transposed 2.45; this is the manual's form.
    public static func potentialEvapotranspiration(solarRadiationMegajoulePerSquareMetre sr: Double, temperatureCelsius t: Double) -> Double {
        0.0162 * (sr * caloriesPerSquareCentimetrePerMegajoulePerSquareMetre / 58.5) * (t + 17.8)
    }

    /// Soil wetness factor SW = [ETp − (R + I)·(R_d/N_d)] / ETp, clamped to 0–1: the fraction of the period the
    /// surface is dry enough to erode, with R the precipitation and I the irrigation in the period (mm), R_d the
    /// days with rain or irrigation and N_d the days in the period. 0 when ETp ≤ 0 (a frozen month: no
    /// evaporation, so the manual's ratio is undefined and the soil is not dried). Source: Fryrear et al. (1998).
    public static func soilWetness(potentialEvapotranspiration etp: Double, precipitation: Double, irrigation: Double = 0,
                                   rainDays: Double, days: Double) -> Double {
        guard etp > 0 else { return 0 }
        return min(1, max(0, (etp - (precipitation + irrigation) * rainDays / days) / etp))
    }

    /// Snow factor SD = 1 − P(snow depth > 25.4 mm), with the probability as a fraction of the period's days: snow
    /// deeper than an inch protects the soil. Source: Fryrear et al. (1998).
    public static func snowFactor(deepSnowProbability p: Double) -> Double { 1 - p }

    /// Wind factor of a period from its mean wind speed Ū at 2 m: N_d · Ū·(Ū − U_t)² when Ū exceeds U_t, else 0.
    /// The manual sums U·(U − U_t)² over a period's observations and scales by N_d/N; from one mean per month that
    /// sum is N_d·Ū·(Ū − U_t)². Since the function is convex this understates wind from gusty months; with daily
    /// station speeds, use ``windFactor(speeds:threshold:)`` per day instead.
    public static func windFactor(meanSpeed u: Double, days: Double, threshold: Double = thresholdWindSpeed) -> Double {
        u > threshold ? days * u * (u - threshold) * (u - threshold) : 0
    }

    /// Weather factor WF = wf · (ρ/g) · SW · SD, with wf the wind factor, ρ the air density, SW the soil wetness
    /// factor and SD the snow factor (both 0–1).
    public static func weatherFactor(windFactor wf: Double, airDensity: Double, soilWetness: Double,
                                     snowFactor: Double) -> Double {
        wf * airDensity / gravity * soilWetness * snowFactor
    }
}
