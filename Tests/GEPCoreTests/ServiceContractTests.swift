import GEPCore
import Testing

/// A minimal conformer used to exercise the protocol's checking: Q = Σᵢ Aᵢ·(Pᵢ − ETᵢ), valued per m³.
struct FixtureWaterService: EcosystemService {
    let id: ServiceID = "fixture-water"
    let name = "fixture water"
    let localName = "测试水量"
    let category = ServiceCategory.regulating
    let physicalUnit = "m³"
    let methods = [ServiceMethod(
        id: "balance", formula: "Q = Σ A·(P − ET)", source: "test",
        inputs: [
            InputRequirement("precipitation", "annual precipitation, mm", dimension: Depth.self, scope: .perEcosystemType),
            InputRequirement("evapotranspiration", "annual ET, mm", dimension: Depth.self, scope: .perEcosystemType),
            InputRequirement("runoff-coefficient", "storm runoff share", dimension: Ratio.self, domain: .fraction, presence: .optional),
        ],
        prices: [PriceRequirement("reservoir-cost", "reservoir cost", per: Volume.self)])]

    func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        var byType: [EcosystemType: Quantity<Volume>] = [:]
        for type in unit.ecosystemTypes {
            let p = try inputs.quantity("precipitation", Depth.self, for: type)
            let et = try inputs.quantity("evapotranspiration", Depth.self, for: type)
            guard et <= p else {
                throw InputError.outOfRange(input: "evapotranspiration[\(type.rawValue)]", service: id.rawValue, unit: unit.id,
                                            value: et.value(in: .millimetre), expected: "at most precipitation")
            }
            byType[type] = (p - et) * unit.area(of: type)
        }
        let total = byType.values.sum { $0 }
        let price = try prices.unitPrice("reservoir-cost", Volume.self)
        let line = ValuedLine(id: "retained", label: "water retained", quantity: total, byEcosystemType: byType,
                              price: price, priceKey: "reservoir-cost")
        return ServiceResult(service: id, category: category, unit: unit.id, method: method.id,
                             physical: PhysicalAmount(total, in: .cubicMetre, byEcosystemType: byType), lines: [line])
    }
}

@Suite("EcosystemService contract: inputs checked before computation")
struct ServiceContractTests {
    let unit = try! AccountingUnit(id: "alongshan", name: "Alongshan", ecosystemAreas: [
        .deciduousNeedleleafForest: Quantity(2, .squareKilometre), .marsh: Quantity(150, .hectare),
    ])
    let prices = PriceBook(name: "test book", prices: [
        Price("reservoir-cost", 7.06, per: "m³", priceYear: 2010, provenance: testProvenance),
    ])

    /// Forest: 2 km² × (500 − 380) mm = 2e6 m² × 0.12 m = 240 000 m³.
    /// Marsh: 1.5 km² × (500 − 450) mm = 1.5e6 × 0.05 = 75 000 m³. Total 315 000 m³ × 7.06 = 2 223 900 元.
    @Test func evaluatesWithCheckedInputs() throws {
        let result = try FixtureWaterService().evaluate(unit, inputs: inputs(), prices: prices)
        #expect(abs(result.physical.amount - 315_000) < 1e-6)
        #expect(abs(result.physical.byEcosystemType[.marsh]! - 75_000) < 1e-6)
        #expect(abs(result.lines[0].value.yuan - 2_223_900) < 1e-6)
        #expect(result.lines[0].value.priceYear == 2010)
    }

    @Test func missingInputsAreNamedTogetherWithServiceAndUnit() {
        let error = #expect(throws: InputError.self) {
            try FixtureWaterService().evaluate(unit, inputs: Inputs(), prices: prices)
        }
        #expect(error == .missing(inputs: ["precipitation", "evapotranspiration"], service: "fixture-water", unit: "alongshan"))
        #expect(String(describing: error!)
            == "service fixture-water, unit alongshan: missing required inputs \"precipitation\", \"evapotranspiration\"")
    }

    @Test func negativeDepthIsRejectedBeforeComputation() {
        var bad = inputs()
        bad.set(Input("precipitation", -5, "mm", provenance: testProvenance))
        let error = #expect(throws: InputError.self) { try FixtureWaterService().evaluate(unit, inputs: bad, prices: prices) }
        #expect(String(describing: error!).contains("input \"precipitation\" is -5.0; expected a value ≥ 0 m"))
    }

    @Test func fractionAboveOneIsRejected() {
        var bad = inputs()
        bad.set(Input("runoff-coefficient", 120, "%", provenance: testProvenance))
        let error = #expect(throws: InputError.self) { try FixtureWaterService().evaluate(unit, inputs: bad, prices: prices) }
        #expect(String(describing: error!).contains("\"runoff-coefficient\" is 120.0; expected a fraction between 0 and 1"))
    }

    @Test func wrongUnitIsRejectedNamingTheInput() {
        var bad = inputs()
        bad.set(Input("evapotranspiration", 400, "m³", provenance: testProvenance))
        let error = #expect(throws: InputError.self) { try FixtureWaterService().evaluate(unit, inputs: bad, prices: prices) }
        #expect(String(describing: error!)
            == "service fixture-water, unit alongshan: input \"evapotranspiration\": unit \"m³\" measures volume, but length was expected (for example m, mm, cm, km)")
    }

    @Test func missingEcosystemTypeValueIsNamed() {
        var bad = inputs()
        bad.set(Input("evapotranspiration", .byEcosystemType([.deciduousNeedleleafForest: Measure(380, "mm")]), provenance: testProvenance))
        let error = #expect(throws: InputError.self) { try FixtureWaterService().evaluate(unit, inputs: bad, prices: prices) }
        #expect(error == .missingForEcosystemType(input: "evapotranspiration", ecosystemType: "marsh",
                                                  service: "fixture-water", unit: "alongshan"))
    }

    @Test func missingPriceIsNamed() {
        let error = #expect(throws: PriceError.self) {
            try FixtureWaterService().evaluate(unit, inputs: inputs(), prices: PriceBook(name: "empty", prices: []))
        }
        #expect(String(describing: error!) == "service fixture-water: price \"reservoir-cost\" is not in price book \"empty\"")
    }

    @Test func unknownMethodListsTheAvailableOnes() {
        #expect(throws: ServiceError.unknownMethod(service: "fixture-water", method: "budyko", available: ["balance"])) {
            try FixtureWaterService().evaluate(unit, method: "budyko", inputs: inputs(), prices: prices)
        }
    }

    @Test func unitOverridesWinOverRegionInputs() throws {
        let region = inputs()
        let local = Inputs([Input("precipitation", 600, "mm", provenance: testProvenance)])
        let merged = region.merging(local)
        let reader = try merged.reader(service: "t", unit: unit, checking: [])
        #expect(try reader.quantity("precipitation", Depth.self, for: .marsh) == Quantity(600, .millimetre))
    }

    private func inputs() -> Inputs {
        Inputs([
            Input("precipitation", 500, "mm/a", provenance: testProvenance),
            Input("evapotranspiration", .byEcosystemType([
                .deciduousNeedleleafForest: Measure(380, "mm"), .marsh: Measure(450, "mm"),
            ]), provenance: testProvenance),
        ])
    }
}

@Suite("Registry, regions and provenance")
struct RegistryAndModelTests {
    @Test func duplicateServiceIDIsRefused() throws {
        var registry = try ServiceRegistry([FixtureWaterService()])
        #expect(throws: RegistryError.duplicateID("fixture-water")) { try registry.register(FixtureWaterService()) }
        #expect(registry.services.count == 1)
    }

    @Test func unknownServiceListsKnownOnes() throws {
        let registry = try ServiceRegistry([FixtureWaterService()])
        let error = #expect(throws: RegistryError.self) { try registry.service("carbon-sink") }
        #expect(String(describing: error!) == "unknown service \"carbon-sink\"; known: fixture-water")
    }

    @Test(arguments: ["water-conservation", "carbon-sink", "o2", "pm2-5-removal"])
    func wellFormedIDs(id: String) { #expect(ServiceID(id).isWellFormed) }

    @Test(arguments: ["Water", "water_conservation", "-water", "water-", "2water", "water--x", ""])
    func malformedIDs(id: String) { #expect(!ServiceID(id).isWellFormed) }

    @Test func negativeAreaIsRefusedNamingUnitAndType() {
        let error = #expect(throws: InputError.self) {
            try AccountingUnit(id: "jinhe", name: "Jinhe", ecosystemAreas: [.typicalSteppe: Quantity(-3, .hectare)])
        }
        #expect(String(describing: error!)
            == "accounting unit \"jinhe\": area of \"typical-steppe\" is -30000.0 m²; expected a non-negative area")
    }

    @Test func duplicateUnitIDIsRefused() throws {
        let unit = try AccountingUnit(id: "a", name: "A", ecosystemAreas: [:])
        #expect(throws: InputError.duplicateUnit("a", region: "r")) { try Region(id: "r", name: "R", units: [unit, unit]) }
        let b = try AccountingUnit(id: "b", name: "B", ecosystemAreas: [:]), c = try AccountingUnit(id: "c", name: "C", ecosystemAreas: [:])
        #expect(throws: InputError.duplicateUnit("b", region: "r")) { try Region(id: "r", name: "R", units: [b, unit, c, b]) }
        let region = try Region(id: "r", name: "R", units: [c, unit, b])
        #expect([region.position(of: "a"), region.position(of: "b"), region.position(of: "c"), region.position(of: "d")] == [1, 2, 0, nil])
    }

    /// 3 万亩 of larch (20 km²) + 150 ha of marsh (1.5 km²) = 21.5 km².
    @Test func regionAreaSumsUnitsAndTypes() throws {
        let a = try AccountingUnit(id: "a", name: "A", ecosystemAreas: [.deciduousNeedleleafForest: Quantity(3, .tenThousandMu)])
        let b = try AccountingUnit(id: "b", name: "B", ecosystemAreas: [.marsh: Quantity(150, .hectare)])
        let region = try Region(id: "r", name: "R", units: [a, b])
        #expect(abs(region.totalArea.value(in: .squareKilometre) - 21.5) < 1e-12)
    }

    @Test func assumedValuesNeedAReason() {
        #expect(throws: ProvenanceError.assumedWithoutReason(source: "modeller")) {
            try Provenance(source: "modeller", status: .assumed)
        }
        #expect(throws: ProvenanceError.missingSource) { try Provenance(source: " ", status: .published) }
    }

    @Test func ecosystemGroups() {
        #expect(EcosystemType.deciduousNeedleleafForest.group == .forest)
        #expect(EcosystemType.typicalSteppe.group == .grassland)
        #expect(EcosystemType.sandyLand.group == .desert)
        #expect(EcosystemType.lake.group == .water)
        #expect(EcosystemType(rawValue: "meadow-steppe")?.localName == "草甸草原")
    }
}
