import GEPCore
import GEPServices
import Testing

@Suite("Soil retention: RUSLE R·K·LS·(1 − C·P)")
struct SoilRetentionTests {
    let service = SoilRetention()
    let prices = PriceBook(name: "Garzê 2010", prices: [
        price("dredging-cost", 15.58, per: "m³"), price("nitrogen-removal-cost", 875, per: "t"),
        price("phosphorus-removal-cost", 2800, per: "t"),
    ])

    func inputs(cover: Double = 0.01) -> Inputs {
        Inputs([
            single("rainfall-erosivity", 1000, "MJ·mm/(ha·h·a)"), single("soil-erodibility", 0.02, "t·ha·h/(ha·MJ·mm)"),
            single("slope-length-steepness", 2, ""), single("cover-management", cover, ""), single("support-practice", 1, ""),
            single("sediment-deposition-ratio", 0.24, ""), single("soil-bulk-density", 0.93, "t/m³"),
            single("soil-nitrogen-content", 0.37, "%"), single("soil-phosphorus-content", 0.108, "%"),
        ])
    }

    /// R·K = 1000 × 0.02 = 20 t/ha; × LS 2 = 40 t/ha potential; × (1 − 0.01·1) = 39.6 t/ha kept × 1000 ha = 39 600 t.
    /// Siltation: 0.24 × 39 600 / 0.93 = 10 219.35 m³ × 15.58 = 159 217.5 元.
    /// N: 39 600 × 0.0037 = 146.52 t × 875 = 128 205 元. P: 39 600 × 0.00108 = 42.768 t × 2800 = 119 750.4 元.
    @Test func handWorkedRUSLE() throws {
        let result = try service.evaluate(unit([.deciduousNeedleleafForest: 10, .river: 1]), inputs: inputs(), prices: prices)
        expectRelative(result.physical.amount, 39_600)
        #expect(result.physical.byEcosystemType[.river] == nil)
        let values = result.lines.map(\.value.yuan)
        expectRelative(result.lines[0].quantity.amount, 0.24 * 39_600 / 0.93)
        expectRelative(values[0], 0.24 * 39_600 / 0.93 * 15.58)
        expectRelative(values[1], 128_205)
        expectRelative(values[2], 119_750.4)
    }

    /// Garzê 2010 (§3.2.2, Table 3): soil retained 38.86 亿 t gives siltation 10.03 亿 m³, N 1437.94 万 t,
    /// P 419.72 万 t and 399.60 亿元 (the paper's quantities were computed from the unrounded tonnage, so compare
    /// to 4 significant figures: 10.03, 1438, 419.7, 399.6). With C = 0 the unit keeps R·K·LS = 40 t/ha, so an
    /// area of 38.86e8 / 40 ha = 9.715e7 ha = 971 500 km² keeps 38.86 亿 t.
    @Test func reproducesGarzeTable() throws {
        let result = try service.evaluate(unit([.meadow: 971_500]), inputs: inputs(cover: 0), prices: prices)
        #expect(significant(result.physical.amount / 1e8, 4) == 38.86)
        #expect(significant(result.lines[0].quantity.amount / 1e8, 4) == 10.03)
        #expect(significant(result.lines[1].quantity.amount / 1e4, 4) == 1438)
        #expect(significant(result.lines[2].quantity.amount / 1e4, 4) == 419.7)
        let total = result.lines.reduce(0) { $0 + $1.value.yuan }
        #expect(significant(total / 1e8, 4) == 399.6)
    }

    /// US customary R and K convert by 17.02 and 0.1317 (AH 703): 100 US R × 0.1 US K = 1702 × 0.01317 = 22.41534 t/ha.
    @Test func usCustomaryFactorsConvert() throws {
        let us = replacing(replacing(inputs(cover: 0), single("rainfall-erosivity", 100, "US R unit")), single("soil-erodibility", 0.1, "US K unit"))
        let result = try service.evaluate(unit([.cropland: 1]), inputs: us, prices: prices)
        expectRelative(result.physical.amount, 1702 * 0.01317 * 2 * 100)
    }

    @Test func missingErodibilityIsNamed() {
        #expect(inputErrorMessage(service, unit([.meadow: 1]), removing(inputs(), "soil-erodibility"), prices)
            == "service soil-retention, unit test-unit: missing required input \"soil-erodibility\"")
    }

    @Test func coverFactorAboveOneIsRejected() {
        #expect(inputErrorMessage(service, unit([.meadow: 1]), inputs(cover: 1.5), prices)
            .contains("input \"cover-management\" is 1.5; expected a fraction between 0 and 1"))
    }
}
