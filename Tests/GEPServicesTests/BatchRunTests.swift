import GEPCore
import GEPServices
import Testing

/// Assessing units in batches (``CellBatch``) gives what assessing each unit alone gives, to the last bit, and fails
/// with the error a unit-by-unit run meets first.
@Suite("Services in batches")
struct BatchRunTests {
    static let services: [RegionModel.ServiceChoice] = [
        .init("water-conservation"), .init("soil-retention"), .init("flood-regulation"), .init("carbon-sink", method: "nep"),
        .init("oxygen-release", method: "nep", includedInTotal: false),
        .init("climate-regulation"),
        .init("provisioning-products"),  // not batch-assessable: runs unit by unit inside the batch run
    ]

    static let regionInputs = Inputs([
        single("precipitation", 500, "mm"), single("runoff-coefficient", 10, "%"),
        byType("evapotranspiration", [.deciduousNeedleleafForest: 300, .meadow: 320, .lake: 700, .marsh: 420], "mm"),
        single("rainfall-erosivity", 1000, "MJ·mm/(ha·h·a)"), single("soil-erodibility", 0.03, "t·ha·h/(ha·MJ·mm)"),
        single("slope-length-steepness", 2, ""), byType("cover-management", [.deciduousNeedleleafForest: 0.1, .meadow: 0.2, .marsh: 0.05], ""),
        single("support-practice", 1, ""), single("sediment-deposition-ratio", 0.24, ""), single("soil-bulk-density", 1.2, "t/m³"),
        single("soil-nitrogen-content", 0.1, "%"), single("soil-phosphorus-content", 0.05, "%"),
        single("lake-storage-coefficient", 6.636, ""), single("lake-storage-exponent", 0.678, ""), single("lake-turnover", 1, ""),
        single("marsh-retention-depth", 0.3, "m"),
        byType("nep", [.deciduousNeedleleafForest: 2, .meadow: 0.5, .marsh: -0.2], "t/ha"),
        single("transpiration-heat", 200, "kJ/(m²·d)"), single("cooling-days", 30, "d"), single("air-conditioner-efficiency", 3, ""),
        single("water-surface-evaporation", 600, "mm"), single("humidifier-energy", 120, "kWh/m³"),
        single("product:timber", 1000, "m³"),
    ])

    static let prices = PriceBook(name: "test", prices: [
        price("reservoir-construction-cost", 7.06, per: "m³"), price("dredging-cost", 12.6, per: "m³"),
        price("nitrogen-removal-cost", 1500, per: "t"), price("phosphorus-removal-cost", 1500, per: "t"),
        price("carbon-price", 55.3, per: "t", year: 2010), price("oxygen-price", 727, per: "t"), price("electricity-price", 0.5, per: "kWh"),
        price("product:timber", 800, per: "m³"),
    ])

    /// 40 units of four shapes (forest and meadow; with a lake; with a marsh; and some with their own precipitation
    /// and ET), with areas that differ from unit to unit.
    static func model(units count: Int = 40, overrides extra: [String: Inputs] = [:]) throws -> RegionModel {
        var units: [AccountingUnit] = []
        var overrides: [String: Inputs] = [:]
        for i in 0..<count {
            var areas: [EcosystemType: Double] = [.deciduousNeedleleafForest: 50 + Double(i % 7) * 3.5, .meadow: 4 + Double(i % 5)]
            if i % 3 == 1 { areas[.lake] = 0.5 + Double(i) / 40 }
            if i % 4 == 2 { areas[.marsh] = 1 + Double(i % 3) }
            units.append(unit(areas, id: "u\(i)"))
            if i % 5 == 0 {
                overrides["u\(i)"] = Inputs([single("precipitation", 450 + Double(i), "mm"),
                                             byType("evapotranspiration", [.deciduousNeedleleafForest: 290, .meadow: 300, .lake: 650, .marsh: 400], "mm")])
            }
        }
        overrides.merge(extra) { $1 }
        return RegionModel(region: try Region(id: "r", name: "R", units: units), year: 2022, reportYear: 2010, services: services,
                           regionInputs: regionInputs, unitInputs: overrides, prices: prices, deflator: nil)
    }

    /// The same account from each unit assessed alone, in region order, and the results themselves.
    static func unitByUnit(_ model: RegionModel) throws -> (results: [ServiceResult], account: Account) {
        let registry = BuiltInServices.registry()
        var results: [ServiceResult] = []
        for unit in model.region.units {
            for choice in model.services {
                results.append(try registry.service(choice.id).evaluate(unit, method: choice.method, inputs: model.inputs(for: unit),
                                                                       prices: model.prices))
            }
        }
        let excluded = Set(model.services.filter { !$0.includedInTotal }.map(\.id))
        return (results, try Account(results: results, reportYear: model.reportYear, excludedFromTotal: excluded))
    }

    @Test("units split by shape: same types and same overridden inputs, in the order met")
    func grouping() throws {
        let model = try Self.model(units: 12)
        let batches = CellBatch.batches(of: model.region.units, shared: model.regionInputs, overrides: model.unitInputs)
        // u0, u5, u10 override; u1, u4, u7, u10 have a lake; u2, u6, u10 a marsh: u0 and u5 share a shape.
        #expect(batches.map(\.positions) == [[0, 5], [1, 4, 7], [2, 6], [3, 8, 9, 11], [10]])
        #expect(batches[1].batch.types == [.deciduousNeedleleafForest, .meadow, .lake])
        #expect(batches[0].batch.overriddenKeys == ["precipitation", "evapotranspiration"])
        #expect(Set(batches.flatMap(\.positions)) == Set(0..<12))
        // At most two cells a batch: each group cut into consecutive pieces, in the same order.
        let small = CellBatch.batches(of: model.region.units, shared: model.regionInputs, overrides: model.unitInputs, maximumCells: 2)
        #expect(small.map(\.positions) == [[0, 5], [1, 4], [7], [2, 6], [3, 8], [9, 11], [10]])
        #expect(small.map(\.batch.count) == [2, 2, 1, 2, 2, 2, 1])
    }

    @Test("a batch run equals the unit-by-unit run bit for bit: every quantity, price, total and warning")
    func sameAsUnitByUnit() throws {
        let model = try Self.model()
        let run = try model.run(with: BuiltInServices.registry())
        let expected = try Self.unitByUnit(model)
        #expect(run.account.lines == expected.account.lines)
        #expect(run.account.prices == expected.account.prices)
        #expect(run.account.units == expected.account.units)
        for l in run.account.lines.indices {
            #expect(run.account.physical.column(l) == expected.account.physical.column(l), "\(run.account.lines[l].line)")
        }
        #expect(run.account.gepByUnit == expected.account.gepByUnit)
        // Both paths are in this run: batch adapters and a service assessed unit by unit.
        #expect(BuiltInServices.registry().services.filter { !($0 is any BatchAssessable) }.map(\.id).contains("provisioning-products"))
        for service in run.services {
            let results = expected.results.filter { $0.service == service.id }
            #expect(service.physical == results.map(\.physical.amount), "\(service.id)")
            #expect(service.physicalUnit == results[0].physical.unit)
            #expect(service.method == results[0].method)
        }
        let warnings = expected.results.flatMap { result in result.warnings.map { ServiceWarning(service: result.service, unit: result.unit, message: $0) } }
        #expect(run.warnings == warnings)
        // The marsh's negative NEP warns in each of the 10 marsh units, in both services that read it; lake ET above
        // P − R warns in each of the 13 lake units.
        #expect(warnings.count == 2 * 10 + 13)
    }

    /// Worked by hand for u3 (forest 50 + 3·3.5 = 60.5 km², meadow 4 + 3 = 7 km², region inputs): water kept is
    /// Σ A·(P − αP − ET) = 60.5e6 m² × (0.5 − 0.05 − 0.3) m + 7e6 m² × (0.5 − 0.05 − 0.32) m = 9 075 000 + 910 000 m³.
    @Test("a unit in a batch gets its own hand-worked value")
    func handWorkedCell() throws {
        let run = try Self.model().run(with: BuiltInServices.registry())
        let water = try #require(run.services.first { $0.id == "water-conservation" })
        expectRelative(water.physical[3], 9_075_000 + 910_000, 1e-15)
    }

    @Test("the error reported is the first a unit-by-unit run meets, whatever batch holds it")
    func firstErrorInUnitOrder() throws {
        // u9 (a batch of its own) breaks water conservation, the first service; u7 (in the lake batch) breaks soil
        // retention, the second. Unit by unit, u7 is met first.
        let model = try Self.model(overrides: [
            "u9": Inputs([single("precipitation", 200, "mm")]),
            "u7": Inputs([byType("cover-management", [.deciduousNeedleleafForest: 1.5, .meadow: 0.2, .lake: 0], "")]),
        ])
        let error = #expect(throws: InputError.self) { try model.run(with: BuiltInServices.registry()) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("u7") && message.contains("cover-management") && message.contains("soil-retention"), "\(message)")
        let alone = #expect(throws: InputError.self) { try Self.unitByUnit(model) }
        #expect(alone.map { "\($0)" } == message)
    }

    /// Pixels of one type with per-pixel precipitation and ET columns: each pixel's water and carbon equal the
    /// pixel assessed alone as a unit, and P·(1 − α) − ET by hand for one of them.
    @Test("pixel batches with numeric columns equal each pixel alone")
    func pixelColumns() throws {
        let count = 50
        let areas = (0..<count).map { 900 + Double($0) }  // m²
        let rain = (0..<count).map { 420 + Double($0) * 3 }, et = (0..<count).map { 280 + Double($0 % 7) }
        let batch = try CellBatch(pixels: .deciduousNeedleleafForest, areas: areas, shared: Self.regionInputs,
                                  columns: ["precipitation": CellColumn("precipitation", values: rain, unit: "mm", provenance: fixture),
                                            "evapotranspiration": CellColumn("evapotranspiration", values: et, unit: "mm", provenance: fixture)],
                                  name: { "pixel \($0)" })
        for service in [WaterConservation(), CarbonSink()] as [any EcosystemService] {
            guard case let .batch(result) = try service.evaluate(batch, method: service.id == "carbon-sink" ? "nep" : nil, prices: Self.prices) else {
                Issue.record("\(service.id) did not run as a batch")
                continue
            }
            for cell in 0..<count {
                let alone = try service.evaluate(batch.unit(cell: cell), method: service.id == "carbon-sink" ? "nep" : nil,
                                                 inputs: batch.inputs(cell: cell), prices: Self.prices)
                #expect(result.physical[cell] == alone.physical.amount && result.lines.map { $0.quantities[cell] } == alone.lines.map(\.quantity.amount))
            }
            if service.id == "water-conservation" {
                // Pixel 10: 910 m² × (0.45 m × 0.9 − 0.283 m) = 910 × 0.122 = 111.02 m³.
                expectRelative(result.physical[10], 910 * (0.450 * 0.9 - 0.283), 1e-12)
            }
        }
        let wet = try CellBatch(pixels: .deciduousNeedleleafForest, areas: areas, shared: Self.regionInputs,
                                columns: ["runoff-coefficient": CellColumn("runoff-coefficient", values: (0..<count).map { $0 == 33 ? 140 : 10 },
                                                                           unit: "%", provenance: fixture)],
                                name: { "pixel \($0)" })
        let error = #expect(throws: InputError.self) { try WaterConservation().evaluate(wet, prices: Self.prices) }
        #expect(error.map { "\($0)" }?.contains("pixel 33") == true, "\(String(describing: error))")
        #expect(throws: InputError.self) {
            try CellBatch(pixels: .meadow, areas: [1, 0], shared: Inputs(), columns: [:], name: { "pixel \($0)" })
        }
        #expect(throws: InputError.self) { try CellBatch(pixels: .meadow, areas: [], shared: Inputs(), columns: [:], name: { "pixel \($0)" }) }
    }
}
