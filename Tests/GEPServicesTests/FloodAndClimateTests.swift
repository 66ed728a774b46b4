import Foundation
import GEPCore
import GEPServices
import Testing

@Suite("Flood regulation: lakes, reservoirs, marshes")
struct FloodRegulationTests {
    let service = FloodRegulation()
    let prices = PriceBook(name: "test", prices: [price("reservoir-construction-cost", 7.06, per: "m³")])
    let inputs = Inputs([
        single("lake-storage-coefficient", 6.636, ""), single("lake-storage-exponent", 0.678, ""), single("lake-turnover", 1, ""),
        single("reservoir-total-storage", 0.03, "亿m³"), single("reservoir-flood-share", 0.35, ""),
        single("marsh-retention-depth", 0.3, "m"),
    ])

    /// Lake 20 km²: e^6.636 · 20^0.678 · 1 = 762.104 · 7.6218 = 5808.67 万 m³.
    /// Reservoirs: 0.35 × 0.03 亿 m³ = 0.0105 亿 m³ = 1 050 000 m³ (Garzê §3.2.4: 0.03 → 0.01 亿 m³).
    /// Marsh 2000 km² × 0.3 m = 6.00 亿 m³ (Garzê: 6.00 亿 m³ for a marsh area of about 2000 km²).
    /// V = Σ × 7.06 元/m³.
    @Test func handWorkedStorage() throws {
        let result = try service.evaluate(unit([.lake: 20, .marsh: 2000, .reservoir: 1]), inputs: inputs, prices: prices)
        let lake = exp(6.636) * pow(20, 0.678) * 1e4
        expectRelative(lake, 58_086_675.2, 1e-9)
        expectRelative(result.lines[0].quantity.amount, lake)
        expectRelative(result.lines[1].quantity.amount, 1_050_000)
        expectRelative(result.lines[2].quantity.amount, 6e8)
        expectRelative(result.physical.amount, lake + 1_050_000 + 6e8)
        expectRelative(result.lines.reduce(0) { $0 + $1.value.yuan }, (lake + 1_050_000 + 6e8) * 7.06)
    }

    /// A unit without water bodies needs none of the inputs and regulates no flood.
    @Test func dryUnitNeedsNoInputs() throws {
        let result = try service.evaluate(unit([.typicalSteppe: 10]), inputs: Inputs(), prices: prices)
        #expect(result.physical.amount == 0)
    }

    @Test func missingMarshDepthIsNamed() {
        #expect(inputErrorMessage(service, unit([.marsh: 10]), Inputs(), prices)
            == "service flood-regulation, unit test-unit: missing required input \"marsh-retention-depth\"")
    }

    @Test func floodShareAboveOneIsRejected() {
        #expect(inputErrorMessage(service, unit([.reservoir: 1]), replacing(inputs, single("reservoir-flood-share", 1.5, "")), prices)
            .contains("input \"reservoir-flood-share\" is 1.5"))
    }
}

@Suite("Climate regulation: transpiration and evaporation energy")
struct ClimateRegulationTests {
    let service = ClimateRegulation()
    let prices = PriceBook(name: "test", prices: [price("electricity-price", 0.53, per: "kWh")])
    let inputs = Inputs([
        single("transpiration-heat", 200, "kJ/(m²·d)"), single("cooling-days", 30, "d"),
        single("air-conditioner-efficiency", 3, ""), single("water-surface-evaporation", 600, "mm"),
        single("humidifier-energy", 120, "kWh/m³"),
    ])

    /// Larch 100 km²: 200 kJ/(m²·d) × 1e8 m² × 30 d / 3 = 2e11 kJ = 2e11/3600 = 55 555 555.6 kWh.
    /// Lake 5 km²: 0.6 m × 5e6 m² = 3e6 m³; latent heat 3e6 × 1000 kg/m³ × 2450 kJ/kg / 3600 = 2 041 666 667 kWh,
    /// plus humidifier 3e6 × 120 = 360 000 000 kWh: 2 401 666 667 kWh. V = (sum) × 0.53 元/kWh.
    @Test func handWorkedEnergy() throws {
        let result = try service.evaluate(unit([.deciduousNeedleleafForest: 100, .lake: 5]), inputs: inputs, prices: prices)
        expectRelative(result.lines[0].quantity.amount, 2e11 / 3600)
        expectRelative(result.lines[1].quantity.amount, 3e6 * 1000 * 2450 / 3600 + 3.6e8)
        expectRelative(result.physical.amount, 2e11 / 3600 + 3e6 * 1000 * 2450 / 3600 + 3.6e8)
        expectRelative(result.lines.reduce(0) { $0 + $1.value.yuan }, result.physical.amount * 0.53)
    }

    /// Every kWh on both lines is valued at the electricity price (0.53 元/kWh in the Garzê table), whatever the
    /// ecosystem: value ÷ energy = 0.53 on each line.
    @Test func valuesEveryLineAtTheElectricityPrice() throws {
        let result = try service.evaluate(unit([.meadow: 10, .marsh: 1]), inputs: inputs, prices: prices)
        for line in result.lines { expectRelative(line.value.yuan / line.quantity.amount, 0.53) }
    }

    @Test func missingCoolingDaysIsNamed() {
        #expect(inputErrorMessage(service, unit([.meadow: 1]), removing(inputs, "cooling-days"), prices)
            == "service climate-regulation, unit test-unit: missing required input \"cooling-days\"")
    }

    @Test func waterBodiesNeedEvaporationInputs() {
        #expect(inputErrorMessage(service, unit([.lake: 1]), removing(inputs, "water-surface-evaporation"), prices)
            .contains("missing required input \"water-surface-evaporation\""))
    }

    @Test func moreCoolingDaysThanAYearIsRejected() {
        #expect(inputErrorMessage(service, unit([.meadow: 1]), replacing(inputs, single("cooling-days", 400, "d")), prices)
            .contains("input \"cooling-days\" is 400.0; expected a value in [0.0, 366.0] d"))
    }
}
