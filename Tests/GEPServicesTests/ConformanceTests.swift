import GEPCore
import GEPServices
import GEPServiceTesting
import Testing

/// The contract checker that plug-in authors run, applied to built-in modules with the hand-worked inputs of their
/// own tests: no problems expected, and a deliberately broken module is caught.
@Suite("ServiceConformance on built-in modules")
struct ConformanceTests {
    @Test func waterConservationConforms() {
        let problems = ServiceConformance.problems(
            of: WaterConservation(), unit: unit([.deciduousNeedleleafForest: 100, .meadow: 20]),
            inputs: Inputs([single("precipitation", 500, "mm"), single("runoff-coefficient", 10, "%"), single("evapotranspiration", 380, "mm")]),
            prices: PriceBook(name: "t", prices: [price("reservoir-construction-cost", 7.06, per: "m³")]))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func carbonSinkConforms() {
        let problems = ServiceConformance.problems(
            of: CarbonSink(), unit: unit([.deciduousNeedleleafForest: 100]), method: "npp-minus-rh",
            inputs: Inputs([single("npp", 4, "t/ha"), single("heterotrophic-respiration", 2.5, "t/ha")]),
            prices: PriceBook(name: "t", prices: [price("carbon-price", 55.3, per: "t", year: 2022)]))
        #expect(problems.isEmpty, "\(problems)")
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
