import Accounts
import GEPCore
import GEPServices
import Testing

/// 1 km² (100 ha) of a's larch burns and becomes bare land, which the carbon sink does not count (not vegetated), and
/// a's 20 km² of shrub degrade from 50 to 40 g C/m². The unit's carbon falls by 1 × 110 + 20 × 10 = 310 t C, 1 136.67 t
/// CO₂, at 102 元/t (2022 prices): −115 940 元 a year.
@Suite struct ScenarioTests {
    func comparison(recovery: Int?) throws -> ScenarioComparison {
        let base = try carbonModel(year: 2022, a: [.deciduousNeedleleafForest: 80, .shrubland: 20], b: [.meadow: 50],
                                   nep: [.deciduousNeedleleafForest: 110, .shrubland: 50, .meadow: 20])
        let fire = try Scenario(
            name: "fire", conversions: [try LandConversion(unit: "a", from: .deciduousNeedleleafForest, to: .bareLand, area: Quantity(100, .hectare), provenance: fixture)],
            inputs: [Input("nep", .byEcosystemType([.shrubland: Measure(40, "gC/m²")]), provenance: fixture)],
            valuation: try AssetValuation(discountRate: 0.05, assetLife: 10), recoveryYears: recovery)
        return try ScenarioComparison(scenario: fire, base: base, registry: BuiltInServices.registry())
    }

    @Test func lossIsTheDifferenceOfTheTwoAccounts() throws {
        let comparison = try comparison(recovery: nil)
        expectRelative(comparison.gepChangeYuan, -(110 + 200) * 44 / 12 * 102)
        expectRelative(comparison.valueChangeYuan(of: "carbon-sink", unit: "a"), -(110 + 200) * 44 / 12 * 102)
        #expect(comparison.valueChangeYuan(of: "carbon-sink", unit: "b") == 0)
        // Base NEP of the other types is kept: a's larch and b's meadow are unchanged.
        expectRelative(comparison.changed.account.gep.yuan, ((79 * 110 + 20 * 40) + 50 * 20) * 44 / 12 * 102)
        // Lasting the asset life: × a(5 %, 10) = 7.721734929184818 (Python).
        expectRelative(comparison.assetChangeYuan(), -115_940 * 7.721734929184818)
    }

    @Test func recoveryFadesTheLossLinearly() throws {
        // Σ_{t=1}^{10} (1 − (t − 1)/10) ÷ 1.05^t = 4.556530141630373 (Python).
        expectRelative(try comparison(recovery: 10).assetChangeYuan(), -115_940 * 4.556530141630373)
        #expect(throws: AccountsError.self) { try Scenario(name: "x", conversions: [], inputs: [], valuation: try AssetValuation(discountRate: 0, assetLife: 1), recoveryYears: 0) }
    }

    /// Land converted to a type the base model has no input values for is refused naming the input and what to add.
    @Test func aNewTypeNeedsItsInputsInTheScenario() throws {
        let base = try carbonModel(year: 2022, a: [.deciduousNeedleleafForest: 80], b: [.shrubland: 20],
                                   nep: [.deciduousNeedleleafForest: 110, .shrubland: 50])
        let toMeadow = try Scenario(
            name: "meadow", conversions: [try LandConversion(unit: "a", from: .deciduousNeedleleafForest, to: .meadow, area: km2(1), provenance: fixture)],
            inputs: [], valuation: try AssetValuation(discountRate: 0.05, assetLife: 10), recoveryYears: nil)
        let error = #expect(throws: AccountsError.self) { try ScenarioComparison(scenario: toMeadow, base: base, registry: BuiltInServices.registry()) }
        #expect(error == .missingScenarioInput(input: "nep", ecosystemType: "meadow", service: "carbon-sink"))
        #expect(String(describing: error!).contains("give it under the scenario's `inputs:`"))
    }
}
