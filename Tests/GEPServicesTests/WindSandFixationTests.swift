import Foundation
import GEPCore
import GEPServices
import Testing

@Suite("Wind-sand fixation: RWEQ potential minus actual loss")
struct WindSandFixationTests {
    let service = WindSandFixation()
    let prices = PriceBook(name: "test", prices: [price("sand-control-cost", 3.75, per: "m²"), price("sand-removal-cost", 20, per: "t")])
    let place = unit([.typicalSteppe: 10, .sandyLand: 2, .lake: 1])

    func inputs(weatherFactor: Double = 20, steppeCover: Double = 40) -> Inputs {
        Inputs([
            single("weather-factor", weatherFactor, "kg/m"),
            single("soil-sand", 80, "%"), single("soil-silt", 12, "%"), single("soil-clay", 8, "%"),
            single("soil-organic-matter", 1, "%"), single("terrain-roughness", 0.8, ""),
            byType("vegetation-cover", [.typicalSteppe: steppeCover, .sandyLand: 5], "%"),
            single("vegetation-coefficient", -0.1151, ""),
            single("downwind-distance", 50, "m"),
            single("sand-bulk-density", 1.28, "t/m³"), single("sand-cover-depth", 0.1, "m"),
        ])
    }

    /// SL(X) written out independently of the module: (2z/s²)·109.8X·e^(−(z/s)²), s = 150.71·X^−0.3711.
    func soilLoss(_ x: Double, z: Double = 50) -> Double {
        let s = 150.71 * pow(x, -0.3711)
        return 2 * z / (s * s) * 109.8 * x * exp(-(z / s) * (z / s))
    }

    /// EF = (29.09 + 0.31·80 + 0.17·12 + 0.33·80/8 − 2.59·1)/100 = (29.09 + 24.8 + 2.04 + 3.3 − 2.59)/100 = 0.5664.
    /// SCF = 1/(1 + 0.0066·64 + 0.021·1) = 1/1.4434 = 0.692809. X_bare = 20 · 0.5664 · 0.692809 · 0.8 = 6.278509.
    /// Potential SL = 7.716917 kg/m² (s = 76.218 m, Q_max = 689.38 kg/m).
    /// Steppe, 40 % cover: COG = e^(−0.1151·40) = 0.0100117, actual SL = 0.0038432, kept 7.713074 kg/m² × 1e7 m² = 77 130.74 t.
    /// Sandy land, 5 % cover: COG = 0.562424, actual SL = 3.288332, kept 4.428585 kg/m² × 2e6 m² = 8 857.17 t.
    /// The lake is not eroded by wind. SR = 85 987.91 t; area = SR/(1.28 · 0.1) = 671 780.6 m²; × 3.75 = 2 519 177 元.
    @Test func handWorkedRWEQ() throws {
        let result = try service.evaluate(place, inputs: inputs(), prices: prices)
        let x = 20 * 0.5664 * (1 / 1.4434) * 0.8
        let steppe = (soilLoss(x) - soilLoss(x * exp(-0.1151 * 40))) * 1e7 / 1000
        let sandy = (soilLoss(x) - soilLoss(x * exp(-0.1151 * 5))) * 2e6 / 1000
        expectRelative(steppe, 77_130.74, 1e-7)
        expectRelative(sandy, 8_857.17, 1e-6)
        expectRelative(result.physical.amount, steppe + sandy, 1e-12)
        #expect(result.physical.byEcosystemType[.lake] == nil)
        expectRelative(result.lines[0].quantity.amount, (steppe + sandy) / (1.28 * 0.1), 1e-12)
        expectRelative(result.lines[0].value.yuan, 2_519_177.06, 1e-8)
    }

    /// Garzê 2010 (§3.2.3, Table 3): 779.42 万 t / (1.28 t/m³ × 0.1 m) = 60.89 km²; × 3.75 元/m² = 2.283 亿元.
    /// The valuation is linear in SR, so the module's value per tonne scales this unit's result to Garzê's SR.
    @Test func reproducesGarzeValuation() throws {
        let result = try service.evaluate(place, inputs: inputs(), prices: prices)
        let garzeTonnes = 779.42e4
        let area = result.lines[0].quantity.amount / result.physical.amount * garzeTonnes
        let value = result.lines[0].value.yuan / result.physical.amount * garzeTonnes
        #expect(significant(area / 1e6, 4) == 60.89)
        #expect(significant(value / 1e8, 4) == 2.283)
    }

    @Test func potentialLossExceedsActualLoss() {
        for cover in stride(from: 1.0, through: 100, by: 9) {
            let x = 6.0
            #expect(RWEQ.soilLoss(x, at: Quantity(50, .metre)) > RWEQ.soilLoss(x * exp(-0.1151 * cover), at: Quantity(50, .metre)))
        }
    }

    /// 20 %, 40 %, 60 % steppe cover: each step keeps more soil, because actual loss falls.
    @Test func moreCoverLowersActualLoss() throws {
        let kept = try [20.0, 40, 60].map { cover in
            try service.evaluate(place, inputs: inputs(steppeCover: cover), prices: prices).physical.byEcosystemType[.typicalSteppe]!
        }
        #expect(kept[0] < kept[1] && kept[1] < kept[2])
        let losses = [0.2, 0.4, 0.6].map { RWEQ.soilLoss(6.278509 * exp(-0.1151 * $0 * 100), at: Quantity(50, .metre)) }
        #expect(losses[0] > losses[1] && losses[1] > losses[2])
    }

    @Test func zeroWindFactorGivesZeroLoss() throws {
        #expect(RWEQ.soilLoss(0, at: Quantity(50, .metre)) == .zero)
        let result = try service.evaluate(place, inputs: inputs(weatherFactor: 0), prices: prices)
        #expect(result.physical.amount == 0)
        #expect(result.lines[0].value.yuan == 0)
    }

    /// s = 150.71·X^−0.3711 (not the 105.71 typo): at X = 1, s = 150.71 m.
    @Test func criticalFieldLengthConstant() {
        #expect(RWEQ.criticalFieldLength(1).value(in: .metre) == 150.71)
        #expect(RWEQ.maximumTransportCapacity(1).value(in: .kilogramPerMetre) == 109.8)
    }

    /// Speeds 3, 6 and 8 m/s with U_t = 5: only 6 and 8 count: 6·1² + 8·3² = 6 + 72 = 78.
    @Test func windFactorCountsOnlySpeedsAboveThreshold() {
        #expect(RWEQ.windFactor(speeds: [3, 6, 8]) == 78)
    }

    /// At sea level P = 101.3 kPa and at 0 °C ρ = 1.293 kg/m³; at 20 °C ρ = 1.293 · 273/293 = 1.20474 kg/m³.
    @Test func airDensityAndPressure() {
        #expect(RWEQ.airPressure(elevationMetres: 0) == 101.3)
        #expect(RWEQ.airDensity(temperatureCelsius: 0, pressureKilopascal: 101.3) == 1.293)
        expectRelative(RWEQ.airDensity(temperatureCelsius: 20, pressureKilopascal: 101.3), 1.293 * 273 / 293)
        // WF = wf·ρ/g·SW·SD: 78 · 1.293 / 9.8 · 0.5 · 0.9 = 4.63102 kg/m.
        expectRelative(RWEQ.weatherFactor(windFactor: 78, airDensity: 1.293, soilWetness: 0.5, snowFactor: 0.9), 78 * 1.293 / 9.8 * 0.45)
    }

    /// The mass method values the tonnes directly: 85 987.91 t × 20 元/t = 1 719 758 元.
    @Test func massCostMethod() throws {
        let result = try service.evaluate(place, method: "rweq-mass-cost", inputs: inputs(), prices: prices)
        expectRelative(result.lines[0].value.yuan, result.physical.amount * 20)
        expectRelative(result.lines[0].value.yuan, 1_719_758.2, 1e-7)
    }

    @Test func missingWeatherFactorIsNamed() {
        #expect(inputErrorMessage(service, place, removing(inputs(), "weather-factor"), prices)
            == "service wind-sand-fixation, unit test-unit: missing required input \"weather-factor\"")
    }

    @Test func coverAboveHundredPercentIsRejected() {
        let bad = replacing(inputs(), byType("vegetation-cover", [.typicalSteppe: 120, .sandyLand: 5], "%"))
        #expect(inputErrorMessage(service, place, bad, prices).contains("input \"vegetation-cover[typical-steppe]\" is 120.0"))
    }
}
