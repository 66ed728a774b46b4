import GEPCore
import GEPServices
import GEPServiceTesting
import Testing

/// The contract checker that plug-in authors run, applied to built-in modules with the hand-worked inputs of their
/// own tests: no problems expected, and a deliberately broken module is caught.
@Suite("ServiceConformance on built-in modules")
struct ConformanceTests {
    /// One built-in service and method, with inputs and prices that make it run.
    struct Case: Sendable, CustomTestStringConvertible {
        let service: any EcosystemService
        let method: String?
        let unit: AccountingUnit
        let inputs: [Input]
        let prices: [Price]

        var testDescription: String { "\(service.id) (\(method ?? "default"))" }
    }

    static let forest = unit([.deciduousNeedleleafForest: 100, .meadow: 20])
    static let wetland = unit([.deciduousNeedleleafForest: 50, .lake: 100, .reservoir: 2, .marsh: 3])
    static let steppe = unit([.typicalSteppe: 10, .sandyLand: 2, .lake: 1])
    static let windSand = [
        single("weather-factor", 20, "kg/m"), single("soil-sand", 80, "%"), single("soil-silt", 12, "%"), single("soil-clay", 8, "%"),
        single("soil-organic-matter", 1, "%"), single("terrain-roughness", 0.8, ""),
        byType("vegetation-cover", [.typicalSteppe: 40, .sandyLand: 5], "%"), single("vegetation-coefficient", -0.1151, ""),
        single("downwind-distance", 50, "m"), single("sand-bulk-density", 1.28, "t/m³"), single("sand-cover-depth", 0.1, "m"),
    ]
    static let stock = [
        single("stock-volume-increment", 5, "m³/ha"), single("wood-density", 0.5, "t/m³"), single("biomass-expansion-factor", 1.3, ""),
        single("root-shoot-ratio", 0.25, ""), single("carbon-fraction", 0.5, ""),
    ]

    /// Meadow turned to forest and forest thinned, over ten years.
    static let sequestration = [
        byType("c-above", [.deciduousNeedleleafForest: 60, .meadow: 5], "t/ha"), single("c-below", 15, "t/ha"), single("c-soil", 80, "t/ha"),
        single("c-dead", 5, "t/ha"), byType("c-above-alternative", [.deciduousNeedleleafForest: 50, .meadow: 60], "t/ha"),
        single("c-below-alternative", 15, "t/ha"), single("c-soil-alternative", 80, "t/ha"), single("c-dead-alternative", 5, "t/ha"),
        single("years-between-maps", 10, ""),
    ]

    /// Every built-in service, every method of those that offer several.
    static let cases: [Case] = [
        Case(service: InVESTCarbon(), method: nil, unit: forest,
             inputs: [byType("c-above", [.deciduousNeedleleafForest: 60, .meadow: 5], "t/ha"), single("c-below", 15, "t/ha"),
                      single("c-soil", 80, "t/ha"), single("c-dead", 5, "t/ha")],
             prices: [price("carbon-price", 55.3, per: "t", year: 2022)]),
        Case(service: InVESTCarbonSequestration(), method: "stock-change", unit: forest, inputs: sequestration,
             prices: [price("carbon-price", 55.3, per: "t", year: 2022)]),
        Case(service: InVESTCarbonSequestration(), method: "npv", unit: forest,
             inputs: sequestration + [single("discount-rate", 7, "%"), single("price-change-rate", 0, "%")],
             prices: [price("carbon-price", 55.3, per: "t", year: 2022)]),
        Case(service: InVESTAnnualWaterYield(), method: nil, unit: forest,
             inputs: [single("precipitation", 500, "mm"), single("reference-evapotranspiration", 600, "mm"), single("root-restricting-depth", 1500, "mm"),
                      single("plant-available-water", 0.15, ""), single("seasonality-constant", 5, ""),
                      byType("kc", [.deciduousNeedleleafForest: 0.8, .meadow: 0.65], ""), single("root-depth", 2000, "mm"), single("lulc-veg", 1, "")],
             prices: [price("reservoir-construction-cost", 7.06, per: "m³")]),
        Case(service: ProvisioningProducts(), method: nil, unit: forest, inputs: [single("product:timber", 1000, "m³")],
             prices: [price("product:timber", 800, per: "m³")]),
        Case(service: WaterConservation(), method: nil, unit: forest,
             inputs: [single("precipitation", 500, "mm"), single("runoff-coefficient", 10, "%"), single("evapotranspiration", 380, "mm")],
             prices: [price("reservoir-construction-cost", 7.06, per: "m³")]),
        Case(service: SoilRetention(), method: nil, unit: forest,
             inputs: [single("rainfall-erosivity", 1000, "MJ·mm/(ha·h·a)"), single("soil-erodibility", 0.03, "t·ha·h/(ha·MJ·mm)"),
                      single("slope-length-steepness", 2, ""), single("cover-management", 0.1, ""), single("support-practice", 1, ""),
                      single("sediment-deposition-ratio", 0.24, ""), single("soil-bulk-density", 1.2, "t/m³"),
                      single("soil-nitrogen-content", 0.1, "%"), single("soil-phosphorus-content", 0.05, "%")],
             prices: [price("dredging-cost", 12.6, per: "m³"), price("nitrogen-removal-cost", 1500, per: "t"),
                      price("phosphorus-removal-cost", 1500, per: "t")]),
        Case(service: WindSandFixation(), method: "rweq-area-cost", unit: steppe, inputs: windSand,
             prices: [price("sand-control-cost", 3.75, per: "m²")]),
        Case(service: WindSandFixation(), method: "rweq-mass-cost", unit: steppe, inputs: windSand,
             prices: [price("sand-removal-cost", 20, per: "t")]),
        Case(service: FloodRegulation(), method: nil, unit: wetland,
             inputs: [single("lake-storage-coefficient", 6.636, ""), single("lake-storage-exponent", 0.678, ""),
                      single("lake-turnover", 1, ""), single("reservoir-total-storage", 0.03, "亿m³"),
                      single("reservoir-flood-share", 0.35, ""), single("marsh-retention-depth", 0.3, "m")],
             prices: [price("reservoir-construction-cost", 7.06, per: "m³")]),
        Case(service: CarbonSink(), method: "nep", unit: forest, inputs: [byType("nep", [.deciduousNeedleleafForest: 2, .meadow: 0.5], "t/ha")],
             prices: [price("carbon-price", 55.3, per: "t", year: 2022)]),
        Case(service: CarbonSink(), method: "npp-minus-rh", unit: forest,
             inputs: [single("npp", 4, "t/ha"), single("heterotrophic-respiration", 2.5, "t/ha")],
             prices: [price("carbon-price", 55.3, per: "t", year: 2022)]),
        Case(service: CarbonSink(), method: "stock-increment", unit: forest, inputs: stock,
             prices: [price("carbon-price", 55.3, per: "t", year: 2022)]),
        Case(service: OxygenRelease(), method: "nep", unit: forest, inputs: [single("nep", 2, "t/ha")],
             prices: [price("oxygen-price", 727, per: "t")]),
        Case(service: ClimateRegulation(), method: nil, unit: wetland,
             inputs: [single("transpiration-heat", 200, "kJ/(m²·d)"), single("cooling-days", 30, "d"),
                      single("air-conditioner-efficiency", 3, ""), single("water-surface-evaporation", 600, "mm"),
                      single("humidifier-energy", 120, "kWh/m³")],
             prices: [price("electricity-price", 0.5, per: "kWh")]),
        Case(service: AirPurification(), method: nil, unit: forest,
             inputs: [single("so2-uptake-rate", 8.8, "t/km²"), single("nox-uptake-rate", 0.5, "t/km²"),
                      single("dust-retention-rate", 100, "kg/ha"), single("so2-emissions", 500, "t")],
             prices: [price("so2-treatment-cost", 1.2, per: "kg"), price("nox-treatment-cost", 630, per: "t"),
                      price("dust-treatment-cost", 150, per: "t")]),
        Case(service: WaterPurification(), method: nil, unit: wetland,
             inputs: [single("cod-removal-rate", 50, "t/km²"), single("ammonia-nitrogen-removal-rate", 5, "t/km²"),
                      single("total-phosphorus-removal-rate", 0.5, "t/km²"), single("cod-load", 5424, "t")],
             prices: [price("cod-treatment-cost", 700, per: "t"), price("ammonia-nitrogen-treatment-cost", 875, per: "t"),
                      price("phosphorus-removal-cost", 2800, per: "t")]),
        Case(service: CulturalTourism(), method: "travel-cost", unit: forest, inputs: [single("visits", 358.68, "万人次")],
             prices: [price("travel-cost-per-visit", 1970, per: "visit")]),
        Case(service: CulturalTourism(), method: "revenue", unit: forest,
             inputs: [single("tourism-revenue", 3.2, "亿元", year: 2022), single("ecosystem-share", 0.4, "")], prices: []),
    ]

    /// Each case runs, is deterministic, names every removed required input and refuses every out-of-domain value.
    @Test(arguments: cases) func builtInServiceConforms(_ c: Case) {
        let problems = ServiceConformance.problems(of: c.service, unit: c.unit, method: c.method, inputs: Inputs(c.inputs),
                                                   prices: PriceBook(name: "t", prices: c.prices))
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The cases cover all fourteen built-in services and every method they offer.
    @Test func casesCoverEveryBuiltInMethod() {
        let covered = Set(Self.cases.map { "\($0.service.id)/\($0.method ?? $0.service.methods[0].id)" })
        let offered = Set(BuiltInServices.all.flatMap { service in service.methods.map { "\(service.id)/\($0.id)" } })
        #expect(offered.subtracting(covered) == ["oxygen-release/npp-minus-rh", "oxygen-release/stock-increment"],
                "oxygen release shares carbon sink's routes, which are covered there")
        #expect(Set(Self.cases.map(\.service.id)).count == 14)
    }

    /// A module that ignores a missing input (reading a default instead) is reported.
    @Test func brokenModuleIsCaught() {
        struct Sloppy: EcosystemService {
            let id: ServiceID = "sloppy"
            let name = "sloppy"
            let localName = "sloppy"
            let category = ServiceCategory.regulating
            let physicalUnit = "t"
            let methods = [ServiceMethod(id: "m", formula: "Q = x", source: "none", inputs: [], prices: [])]
            func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
                let x = (try? inputs.quantity("x", Mass.self)) ?? .zero
                return result(for: unit, method: method, physical: PhysicalAmount(x, in: .tonne), lines: [])
            }
        }
        let problems = ServiceConformance.problems(of: Sloppy(), unit: unit([.meadow: 1]), inputs: Inputs([single("x", 1, "t")]),
                                                   prices: PriceBook(name: "t", prices: []))
        #expect(problems == ["the result has no valued line"])
    }
}
