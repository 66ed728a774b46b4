import GEPCore
import GEPServices
import Testing

@Suite("Water conservation: Q = Σ A·(P − R − ET)")
struct WaterConservationTests {
    let service = WaterConservation()
    let prices = PriceBook(name: "test", prices: [price("reservoir-construction-cost", 7.06, per: "m³")])
    let place = unit([.deciduousNeedleleafForest: 100, .meadow: 20, .lake: 5])

    var inputs: Inputs {
        Inputs([
            single("precipitation", 500, "mm"),
            byType("runoff-coefficient", [.deciduousNeedleleafForest: 0.10, .meadow: 0.15, .lake: 0], ""),
            byType("evapotranspiration", [.deciduousNeedleleafForest: 380, .meadow: 390, .lake: 600], "mm"),
        ])
    }

    /// Larch: R = 500 × 0.10 = 50 mm; 500 − 50 − 380 = 70 mm over 100 km² = 0.07 m × 1e8 m² = 7 000 000 m³.
    /// Meadow: R = 75 mm; 500 − 75 − 390 = 35 mm over 20 km² = 700 000 m³.
    /// Lake: 500 − 0 − 600 < 0: inflow-fed evaporation, counted as zero with a warning.
    /// Q = 7 700 000 m³; V = 7.7e6 × 7.06 = 54 362 000 元 at 2010 prices.
    @Test func handWorkedWaterBalance() throws {
        let result = try service.evaluate(place, inputs: inputs, prices: prices)
        expectRelative(result.physical.amount, 7_700_000)
        expectRelative(result.physical.byEcosystemType[.deciduousNeedleleafForest]!, 7_000_000)
        expectRelative(result.physical.byEcosystemType[.meadow]!, 700_000)
        #expect(result.physical.byEcosystemType[.lake] == 0)
        #expect(result.warnings.count == 1 && result.warnings[0].hasPrefix("lake: ET 600 mm exceeds P − R = 500 mm"))
        expectRelative(result.lines[0].value.yuan, 54_362_000)
        #expect(result.lines[0].value.priceYear == 2010)
    }

    /// Storm runoff given as a depth takes precedence over the coefficient.
    @Test func stormRunoffDepthWhenGiven() throws {
        let withRunoff = replacing(inputs, byType("storm-runoff", [.deciduousNeedleleafForest: 20, .meadow: 75, .lake: 0], "mm"))
        let result = try service.evaluate(place, inputs: withRunoff, prices: prices)
        // Larch now keeps 500 − 20 − 380 = 100 mm over 1e8 m² = 1e7 m³; meadow unchanged at 7e5 m³.
        expectRelative(result.physical.amount, 10_700_000)
    }

    /// Garzê 2010 (Table 3): 321.49 亿 m³ at 7.06 元/m³ = 2269.71 亿元 (the paper multiplied an unrounded quantity;
    /// 321.49 × 7.06 = 2269.72, equal to 4 significant figures: 2270). A unit of 32 149 km² keeping
    /// 1500 − 200 − 300 = 1000 mm gives 32 149e6 m² × 1 m = 321.49 亿 m³.
    @Test func reproducesGarzeValuation() throws {
        let garze = unit([.evergreenNeedleleafForest: 32_149])
        let result = try service.evaluate(garze, inputs: Inputs([
            single("precipitation", 1500, "mm"), single("storm-runoff", 200, "mm"), single("evapotranspiration", 300, "mm"),
        ]), prices: prices)
        #expect(significant(Quantity<Volume>(result.physical.amount, .cubicMetre).value(in: .hundredMillionCubicMetres), 5) == 321.49)
        #expect(significant(result.lines[0].value.amount(in: .hundredMillionYuan), 4) == significant(2269.71, 4))
    }

    @Test func missingPrecipitationIsNamed() {
        let message = inputErrorMessage(service, place, removing(inputs, "precipitation"), prices)
        #expect(message == "service water-conservation, unit test-unit: missing required input \"precipitation\"")
    }

    @Test func missingRunoffIsNamed() {
        let message = inputErrorMessage(service, place, removing(inputs, "runoff-coefficient"), prices)
        #expect(message.contains("\"storm-runoff or runoff-coefficient\""))
    }

    @Test func runoffCoefficientAboveOneIsRejected() {
        let bad = replacing(inputs, byType("runoff-coefficient", [.deciduousNeedleleafForest: 1.2, .meadow: 0.15, .lake: 0], ""))
        #expect(inputErrorMessage(service, place, bad, prices).contains("input \"runoff-coefficient[deciduous-needleleaf-forest]\" is 1.2"))
    }

    @Test func landEvapotranspirationAbovePrecipitationIsRejected() {
        let bad = replacing(inputs, byType("evapotranspiration", [.deciduousNeedleleafForest: 480, .meadow: 390, .lake: 600], "mm"))
        #expect(inputErrorMessage(service, place, bad, prices)
            == "service water-conservation, unit test-unit: input \"evapotranspiration[deciduous-needleleaf-forest]\" is 480.0; expected at most P − R = 450 mm on land")
    }
}
