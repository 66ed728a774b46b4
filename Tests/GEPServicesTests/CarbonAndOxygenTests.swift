import GEPCore
import GEPServices
import Testing

@Suite("Carbon sink and oxygen release: C·44/12 and C·32/12")
struct CarbonAndOxygenTests {
    let prices = PriceBook(name: "test", prices: [price("carbon-price", 380, per: "t"), price("oxygen-price", 727, per: "t")])
    let place = unit([.deciduousNeedleleafForest: 100, .deciduousBroadleafForest: 50, .meadow: 20, .sandyLand: 3])
    var nep: Inputs {
        Inputs([Input("nep", .byEcosystemType([
            .deciduousNeedleleafForest: Measure(2.0, "t C/ha"), .deciduousBroadleafForest: Measure(150, "gC/m²"),
            .meadow: Measure(0.5, "t/ha"),
        ]), provenance: fixture)])
    }

    /// Larch 10 000 ha × 2.0 t C/ha = 20 000 t C; birch 5000 ha × 150 g C/m² (= 1.5 t C/ha) = 7500 t C;
    /// meadow 2000 ha × 0.5 = 1000 t C; sandy land is not vegetated and needs no NEP. C = 28 500 t.
    /// CO₂ = 28 500 × 44/12 = 104 500 t; × 380 元/t = 39 710 000 元.
    @Test func carbonSinkFromNEP() throws {
        let result = try CarbonSink().evaluate(place, inputs: nep, prices: prices)
        expectRelative(result.physical.amount, 104_500)
        expectRelative(result.physical.byEcosystemType[.deciduousBroadleafForest]!, 7500 * 44.0 / 12)
        #expect(result.physical.unit == "t")
        expectRelative(result.lines[0].value.yuan, 39_710_000)
    }

    /// O₂ = 28 500 × 32/12 = 76 000 t; × 727 元/t = 55 252 000 元.
    @Test func oxygenFromNEP() throws {
        let result = try OxygenRelease().evaluate(place, inputs: nep, prices: prices)
        expectRelative(result.physical.amount, 76_000)
        expectRelative(result.lines[0].value.yuan, 55_252_000)
    }

    /// NEP = NPP − Rh: larch (4.0 − 2.5) t C/ha × 10 000 ha = 15 000 t C; birch (3.0 − 2.0) × 5000 = 5000;
    /// meadow (1.2 − 1.0) × 2000 = 400. C = 20 400 t; CO₂ = 20 400 × 44/12 = 74 800 t.
    @Test func carbonSinkFromNPPMinusRh() throws {
        let inputs = Inputs([
            byType("npp", [.deciduousNeedleleafForest: 4.0, .deciduousBroadleafForest: 3.0, .meadow: 1.2], "t/ha"),
            byType("heterotrophic-respiration", [.deciduousNeedleleafForest: 2.5, .deciduousBroadleafForest: 2.0, .meadow: 1.0], "t/ha"),
        ])
        let result = try CarbonSink().evaluate(place, method: "npp-minus-rh", inputs: inputs, prices: prices)
        expectRelative(result.physical.amount, 74_800)
    }

    /// Gain method on the larch only: ΔV 3 m³/ha × 10 000 ha = 30 000 m³; × D 0.49 t/m³ = 14 700 t; × BEF 1.3 =
    /// 19 110 t; × (1 + R 0.25) = 23 887.5 t dry matter; × CF 0.5 = 11 943.75 t C; CO₂ = 11 943.75 × 44/12 = 43 793.75 t.
    @Test func carbonSinkFromStockIncrement() throws {
        let larchOnly = unit([.deciduousNeedleleafForest: 100, .meadow: 20])
        let inputs = Inputs([
            single("stock-volume-increment", 3, "m³/ha"), single("wood-density", 0.49, "t/m³"),
            single("biomass-expansion-factor", 1.3, ""), single("root-shoot-ratio", 0.25, ""), single("carbon-fraction", 50, "%"),
        ])
        let result = try CarbonSink().evaluate(larchOnly, method: "stock-increment", inputs: inputs, prices: prices)
        expectRelative(result.physical.amount, 43_793.75)
        #expect(result.warnings == ["stock-increment covers forests only; not counted: meadow"])
    }

    /// A net source (negative NEP) is kept, negative, and flagged.
    @Test func netSourceIsFlagged() throws {
        let inputs = Inputs([byType("nep", [.deciduousNeedleleafForest: -0.1, .deciduousBroadleafForest: 0, .meadow: 0], "t/ha")])
        let result = try CarbonSink().evaluate(place, inputs: inputs, prices: prices)
        expectRelative(result.physical.amount, -1000 * 44.0 / 12)
        #expect(result.warnings == ["deciduous-needleleaf-forest is a net carbon source (-1000 t C)"])
    }

    @Test func missingNEPIsNamed() {
        #expect(inputErrorMessage(CarbonSink(), place, Inputs(), prices)
            == "service carbon-sink, unit test-unit: missing required input \"nep\"")
        #expect(inputErrorMessage(OxygenRelease(), place, Inputs(), prices)
            == "service oxygen-release, unit test-unit: missing required input \"nep\"")
    }

    @Test func missingTypeValueIsNamed() {
        let partial = Inputs([byType("nep", [.deciduousNeedleleafForest: 2], "t/ha")])
        #expect(inputErrorMessage(CarbonSink(), place, partial, prices)
            == "service carbon-sink, unit test-unit: input \"nep\" has no value for ecosystem type \"deciduous-broadleaf-forest\"")
    }

    @Test func carbonFractionAboveOneIsRejected() {
        let inputs = Inputs([
            single("stock-volume-increment", 3, "m³/ha"), single("wood-density", 0.49, "t/m³"),
            single("biomass-expansion-factor", 1.3, ""), single("root-shoot-ratio", 0.25, ""), single("carbon-fraction", 1.5, ""),
        ])
        #expect(inputErrorMessage(OxygenRelease(), place, method: "stock-increment", inputs, prices)
            .contains("input \"carbon-fraction\" is 1.5; expected a fraction between 0 and 1"))
    }

    @Test func negativeNPPIsRejected() {
        let inputs = Inputs([
            byType("npp", [.deciduousNeedleleafForest: -4.0, .deciduousBroadleafForest: 3.0, .meadow: 1.2], "t/ha"),
            single("heterotrophic-respiration", 1, "t/ha"),
        ])
        #expect(inputErrorMessage(CarbonSink(), place, method: "npp-minus-rh", inputs, prices)
            .contains("input \"npp[deciduous-needleleaf-forest]\" is -4.0"))
    }
}
