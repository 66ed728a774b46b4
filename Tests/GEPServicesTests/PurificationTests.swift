import GEPCore
import GEPServices
import Testing

@Suite("Air and water purification: uptake capped at emissions")
struct PurificationTests {
    let prices = PriceBook(name: "Garzê 2010", prices: [
        price("so2-treatment-cost", 1200, per: "t"), price("nox-treatment-cost", 630, per: "t"),
        price("dust-treatment-cost", 150, per: "t"), price("cod-treatment-cost", 700, per: "t"),
        price("ammonia-nitrogen-treatment-cost", 875, per: "t"), price("phosphorus-removal-cost", 2800, per: "t"),
    ])
    let forest = unit([.deciduousNeedleleafForest: 100, .meadow: 50, .lake: 2])

    var air: Inputs {
        Inputs([
            byType("so2-uptake-rate", [.deciduousNeedleleafForest: 8.8, .meadow: 2], "t/km²"),
            single("nox-uptake-rate", 0.5, "t/km²"),
            single("dust-retention-rate", 100, "kg/ha"),
        ])
    }

    /// SO₂: 100 km² × 8.8 t/km² + 50 × 2 = 980 t; NOx: 150 km² × 0.5 = 75 t; dust: 15 000 ha × 100 kg/ha = 1500 t.
    /// The lake is not vegetated. V = 980 × 1200 + 75 × 630 + 1500 × 150 = 1 176 000 + 47 250 + 225 000 = 1 448 250 元.
    /// No emission figures: each line warns that it is uncapped.
    @Test func handWorkedAirUptake() throws {
        let result = try AirPurification().evaluate(forest, inputs: air, prices: prices)
        expectRelative(result.physical.amount, 980 + 75 + 1500)
        expectRelative(result.lines.reduce(0) { $0 + $1.value.yuan }, 1_448_250)
        #expect(result.warnings.count == 3 && result.warnings[0].contains("not capped"))
    }

    /// Garzê 2010 (§3.2.5, Table 3): uptake exceeds emissions, so removal equals emissions: 1137 t SO₂ × 1200 =
    /// 0.01364 亿元, 2772 t NOx × 630 = 0.01746 亿元, 941 t dust × 150 = 0.001412 亿元 (published: 0.0136, 0.0175, 0.0014).
    @Test func reproducesGarzeAirPurification() throws {
        let capped = air.merging(Inputs([
            single("so2-emissions", 1137, "t"), single("nox-emissions", 2772, "t"), single("dust-emissions", 941, "t"),
        ]))
        let result = try AirPurification().evaluate(forest, inputs: capped, prices: prices)
        #expect(result.lines.map(\.quantity.amount) == [980, 75, 941])
        #expect(significant(result.lines[2].value.amount(in: .hundredMillionYuan), 4) == 0.001412)
        let uncappedGarze = Inputs([single("so2-uptake-rate", 100, "t/km²"), single("nox-uptake-rate", 100, "t/km²"),
                                    single("dust-retention-rate", 100, "t/km²")]).merging(capped.filtering("-emissions"))
        let garze = try AirPurification().evaluate(forest, inputs: uncappedGarze, prices: prices)
        #expect(garze.lines.map(\.quantity.amount) == [1137, 2772, 941])
        #expect(garze.lines.map { significant($0.value.amount(in: .hundredMillionYuan), 4) } == [0.01364, 0.01746, 0.001412])
        #expect(garze.warnings.filter { $0.contains("capped at") }.count == 3)
    }

    /// Garzê 2010 (§3.2.6, Table 3): 5424 t COD × 700 = 0.03797 亿元 and 625 t NH₃-N × 875 = 0.005469 亿元
    /// (published 0.0380 and 0.0055). The lake (2 km² at 5000 t/km²) could remove more, so the loads cap it; the forest
    /// and meadow are not wetlands and remove nothing. Garzê has no TP row: its rate is given as 0.
    @Test func reproducesGarzeWaterPurification() throws {
        let inputs = Inputs([
            single("cod-removal-rate", 5000, "t/km²"), single("ammonia-nitrogen-removal-rate", 5000, "t/km²"),
            single("total-phosphorus-removal-rate", 0, "t/km²"),
            single("cod-load", 5424, "t"), single("ammonia-nitrogen-load", 625, "t"), single("total-phosphorus-load", 80, "t"),
        ])
        let result = try WaterPurification().evaluate(forest, inputs: inputs, prices: prices)
        #expect(result.lines.map(\.quantity.amount) == [5424, 625, 0])
        #expect(result.lines.map { significant($0.value.amount(in: .hundredMillionYuan), 4) } == [0.03797, 0.005469, 0])
    }

    /// Marsh 3 km² at 12 t COD/km² = 36 t, under a 100 t load: 36 × 700 = 25 200 元; NH₃-N 3 × 1.5 = 4.5 t × 875 =
    /// 3937.5 元; TP 3 × 0.4 = 1.2 t, above the 0.9 t load, so 0.9 t × 2800 = 2520 元, with a warning that the load caps it.
    @Test func handWorkedWetlandRemoval() throws {
        let inputs = Inputs([
            single("cod-removal-rate", 12, "t/km²"), single("ammonia-nitrogen-removal-rate", 1.5, "t/km²"),
            single("total-phosphorus-removal-rate", 0.4, "t/km²"),
            single("cod-load", 100, "t"), single("ammonia-nitrogen-load", 100, "t"), single("total-phosphorus-load", 0.9, "t"),
        ])
        let result = try WaterPurification().evaluate(unit([.marsh: 3]), inputs: inputs, prices: prices)
        #expect(result.lines.map(\.value.yuan) == [25_200, 3937.5, 2520])
        expectRelative(result.physical.amount, 36 + 4.5 + 0.9)
        #expect(result.warnings.count == 1 && result.warnings[0].hasPrefix("total-phosphorus: "), "\(result.warnings)")
    }

    @Test func missingRatesAreNamed() {
        #expect(inputErrorMessage(AirPurification(), forest, removing(air, "nox-uptake-rate"), prices)
            == "service air-purification, unit test-unit: missing required input \"nox-uptake-rate\"")
        #expect(inputErrorMessage(WaterPurification(), forest, Inputs(), prices)
            == "service water-purification, unit test-unit: missing required inputs \"cod-removal-rate\", \"ammonia-nitrogen-removal-rate\", \"total-phosphorus-removal-rate\"")
    }

    @Test func negativeRatesAreRejected() {
        #expect(inputErrorMessage(AirPurification(), forest, replacing(air, single("nox-uptake-rate", -1, "t/km²")), prices)
            .contains("input \"nox-uptake-rate\" is -1.0"))
        let water = Inputs([single("cod-removal-rate", 1, "t/km²"), single("ammonia-nitrogen-removal-rate", -2, "t/km²"),
                            single("total-phosphorus-removal-rate", 0.1, "t/km²")])
        #expect(inputErrorMessage(WaterPurification(), forest, water, prices).contains("input \"ammonia-nitrogen-removal-rate\" is -2.0"))
    }
}

extension Inputs {
    /// The inputs whose names end with `suffix`.
    func filtering(_ suffix: String) -> Inputs { Inputs(all.filter { $0.key.hasSuffix(suffix) }) }
}

@Suite("Air purification: the unit a price is quoted per changes nothing")
struct PricedPerUnitTests {
    /// SO₂ at 1.2 元/kg is the same price as 1200 元/t: the physical amount (980 + 75 + 1500 = 2555 t, worked in
    /// ``PurificationTests/handWorkedAirUptake()``) and the value (1 448 250 元) must not change, and the SO₂ line
    /// must hold 980 000 kg.
    @Test func so2PricedPerKilogramOrPerTonne() throws {
        let inputs = Inputs([
            byType("so2-uptake-rate", [.deciduousNeedleleafForest: 8.8, .meadow: 2], "t/km²"),
            single("nox-uptake-rate", 0.5, "t/km²"), single("dust-retention-rate", 100, "kg/ha"),
        ])
        let forest = unit([.deciduousNeedleleafForest: 100, .meadow: 50, .lake: 2])
        let others = [price("nox-treatment-cost", 630, per: "t"), price("dust-treatment-cost", 150, per: "t")]
        let perTonne = try AirPurification().evaluate(forest, inputs: inputs, prices: PriceBook(
            name: "per t", prices: others + [price("so2-treatment-cost", 1200, per: "t")]))
        let perKilogram = try AirPurification().evaluate(forest, inputs: inputs, prices: PriceBook(
            name: "per kg", prices: others + [price("so2-treatment-cost", 1.2, per: "kg")]))
        for result in [perTonne, perKilogram] {
            expectRelative(result.physical.amount, 2555)
            #expect(result.physical.unit == "t")
            expectRelative(result.lines.reduce(0) { $0 + $1.value.yuan }, 1_448_250)
        }
        expectRelative(perKilogram.lines[0].quantity.amount, 980_000)
        #expect(perKilogram.lines[0].quantity.unit == "kg")
    }
}
