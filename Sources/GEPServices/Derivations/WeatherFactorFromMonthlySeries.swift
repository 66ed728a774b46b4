import Foundation
import GEPCore

/// The RWEQ weather factor WF of a year per pixel, summed over its twelve months from monthly climate grids or
/// station series, for raster models of wind-sand fixation.
///
/// WF = Σ_months wf_m · (ρ_m/g) · SW_m · SD_m (kg/m), where for month m with N_d days:
/// - wf_m = N_d·Ū·(Ū − 5)² from the mean wind speed at 2 m, when Ū exceeds 5 m/s (``RWEQ/windFactor(meanSpeed:days:threshold:)``);
/// - ρ_m = 1.293·(273/(273 + T))·P/101.3 with T the mean air temperature and P the pressure at the pixel's elevation
///   (``RWEQ/airDensity(temperatureCelsius:pressureKilopascal:)``, ``RWEQ/airPressure(elevationMetres:)``);
/// - SW_m from potential evapotranspiration (solar radiation and temperature), precipitation and rain days
///   (``RWEQ/soilWetness(potentialEvapotranspiration:precipitation:irrigation:rainDays:days:)``);
/// - SD_m = 1 − P(snow depth > 25.4 mm) (``RWEQ/snowFactor(deepSnowProbability:)``).
///
/// Source: Fryrear et al., RWEQ technical manual (USDA-ARS, 1998) and J. Soil Water Conserv. 2000, 55(2):183–189;
/// monthly application as in 巩国丽 et al. and Huang Binbin et al. (Inner Mongolia, 2001–2010).
public struct WeatherFactorFromMonthlySeries: GridDerivation {
    public let id = "rweq-weather-factor"
    public let output = WindSandFixation.Keys.weatherFactor.name
    public let outputUnit = "kg/m"
    public let formula = "WF = Σ_months N_d·Ū(Ū − 5)²·(ρ/g)·SW·SD (RWEQ)"
    public let source = "Fryrear et al., RWEQ technical manual (USDA-ARS 1998); J. Soil Water Conserv. 2000, 55(2):183–189"
    public let reach = GridDerivationReach.pixel
    public let operands = [
        GridOperand("wind-speed", "monthly mean wind speed at 2 m", unit: "m/s", periods: 12),
        GridOperand("temperature", "monthly mean air temperature", unit: "°C", periods: 12),
        GridOperand("precipitation", "monthly precipitation", unit: "mm", periods: 12),
        GridOperand("rain-days", "days with rain in the month", unit: "d", periods: 12),
        GridOperand("solar-radiation", "monthly total solar radiation", unit: "MJ/m²", periods: 12),
        GridOperand("deep-snow-probability", "fraction of the month's days with snow deeper than 25.4 mm", unit: "%", periods: 12,
                    defaultValue: 0),
        GridOperand("elevation", "ground elevation, for air pressure", unit: "m"),
    ]

    public init() {}

    /// Days in each month of `year` (Gregorian).
    public static func monthDays(year: Int) -> [Double] {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    }

    public func derive(_ input: GridDerivationInput) throws(DerivationRejection) -> [Double] {
        let days = Self.monthDays(year: input.year)
        let wind = input.operands[0], temperature = input.operands[1], precipitation = input.operands[2]
        let rainDays = input.operands[3], radiation = input.operands[4], snow = input.operands[5], elevation = input[6]
        var result = [Double](repeating: 0, count: input.pixelCount)
        for i in 0..<input.pixelCount where !input.missing[i] {
            let pressure = RWEQ.airPressure(elevationMetres: elevation[i])
            var total = 0.0
            for m in 0..<12 {
                func check(_ name: String, _ value: Double, _ range: ClosedRange<Double>) throws(DerivationRejection) {
                    guard !range.contains(value) else { return }
                    throw DerivationRejection(pixel: i, KernelRejection(input: "\(name) (month \(m + 1))", value: value,
                                                                        expected: "\(sixFigures(range.lowerBound)) to \(sixFigures(range.upperBound))"))
                }
                try check("wind-speed", wind[m][i], 0...100)
                try check("temperature", temperature[m][i], -90...60)
                try check("precipitation", precipitation[m][i], 0...5000)
                try check("rain-days", rainDays[m][i], 0...days[m])
                try check("solar-radiation", radiation[m][i], 0...2000)
                try check("deep-snow-probability", snow[m][i], 0...100)
                let wf = RWEQ.windFactor(meanSpeed: wind[m][i], days: days[m])
                guard wf > 0 else { continue }
                let density = RWEQ.airDensity(temperatureCelsius: temperature[m][i], pressureKilopascal: pressure)
                let etp = RWEQ.potentialEvapotranspiration(solarRadiationMegajoulePerSquareMetre: radiation[m][i], temperatureCelsius: temperature[m][i])
                let wetness = RWEQ.soilWetness(potentialEvapotranspiration: etp, precipitation: precipitation[m][i], rainDays: rainDays[m][i], days: days[m])
                total += RWEQ.weatherFactor(windFactor: wf, airDensity: density, soilWetness: wetness,
                                            snowFactor: RWEQ.snowFactor(deepSnowProbability: snow[m][i] / 100))
            }
            result[i] = total
        }
        return result
    }
}
