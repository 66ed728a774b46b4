import Accounts
import GEPCore
import GEPServices
import Testing

/// A two-year account worked by hand. Closing (2022) areas: a has 80 km² of larch and 20 of shrub, b 50 of larch and
/// 50 of meadow. In the period 10 km² of a's shrub became larch and 5 km² of b's larch became meadow, so the opening
/// (2021) areas are a: larch 70, shrub 30; b: larch 55, meadow 45. NEP rises on larch from 100 to 110 g C/m² (shrub
/// 50, meadow 20 both years). 1 g C/m² over 1 km² is 1 t C, × 44/12 t CO₂, at 100 元/t CO₂ in 2021 and 102 in 2022.
@Suite struct EcosystemAccountsTests {
    let conversions = [
        try! LandConversion(unit: "a", from: .shrubland, to: .deciduousNeedleleafForest, area: km2(10), provenance: fixture),
        try! LandConversion(unit: "b", from: .deciduousNeedleleafForest, to: .meadow, area: km2(5), provenance: fixture),
    ]

    func accounts(rate: Double = 0.05, life: Int = 10) throws -> EcosystemAccounts {
        let closing: (a: [EcosystemType: Double], b: [EcosystemType: Double]) = ([.deciduousNeedleleafForest: 80, .shrubland: 20],
                                                                                [.deciduousNeedleleafForest: 50, .meadow: 50])
        let opening = try carbonModel(year: 2021, a: closing.a, b: closing.b, nep: [.deciduousNeedleleafForest: 100, .shrubland: 50, .meadow: 20])
        let closingModel = try carbonModel(year: 2022, a: closing.a, b: closing.b, nep: [.deciduousNeedleleafForest: 110, .shrubland: 50, .meadow: 20])
        return try EcosystemAccounts(openingModel: opening, closingModel: closingModel, conversions: conversions, condition: [], users: [],
                                     valuation: try AssetValuation(discountRate: rate, assetLife: life, sensitivityRates: [0, 0.1]),
                                     registry: BuiltInServices.registry())
    }

    @Test func extentClosesOnOpeningPlusConversions() throws {
        let extent = try accounts().extent
        let rows = Dictionary(uniqueKeysWithValues: extent.rows.map { ($0.type, $0) })
        // (type, opening, additions, reductions, closing) in km², from the areas above.
        for (type, opening, additions, reductions, closing) in [(EcosystemType.deciduousNeedleleafForest, 125.0, 10.0, 5.0, 130.0),
                                                               (.shrubland, 30, 0, 10, 20), (.meadow, 45, 5, 0, 50)] {
            let row = try #require(rows[type])
            expectRelative(row.opening.value(in: .squareKilometre), opening)
            expectRelative(row.additions.value(in: .squareKilometre), additions)
            expectRelative(row.reductions.value(in: .squareKilometre), reductions)
            expectRelative(row.closing.value(in: .squareKilometre), closing)
            expectRelative((row.opening + row.additions - row.reductions).baseValue, row.closing.baseValue)
        }
        #expect(extent.hasConversionMatrix)
        #expect(extent.conversions.map { "\($0.from.rawValue)>\($0.to.rawValue)" } == ["deciduous-needleleaf-forest>meadow", "shrubland>deciduous-needleleaf-forest"])
        expectRelative(extent.totalOpening.value(in: .squareKilometre), 200)
        expectRelative(extent.totalClosing.value(in: .squareKilometre), 200)
    }

    @Test func extentWithoutConversionsShowsTheNetChange() throws {
        let before = try AccountingUnit(id: "a", name: "a", ecosystemAreas: [.deciduousNeedleleafForest: km2(70), .shrubland: km2(30)])
        let after = try AccountingUnit(id: "a", name: "a", ecosystemAreas: [.deciduousNeedleleafForest: km2(80), .shrubland: km2(20)])
        let extent = try ExtentAccount(opening: [before], closing: [after], conversions: [])
        #expect(!extent.hasConversionMatrix)
        let larch = try #require(extent.rows.first { $0.type == .deciduousNeedleleafForest })
        expectRelative(larch.additions.value(in: .squareKilometre), 10)
        #expect(larch.reductions == .zero)
    }

    @Test func unbalancedConversionsAreRefused() throws {
        let before = try AccountingUnit(id: "a", name: "a", ecosystemAreas: [.deciduousNeedleleafForest: km2(70), .shrubland: km2(30)])
        let after = try AccountingUnit(id: "a", name: "a", ecosystemAreas: [.deciduousNeedleleafForest: km2(80), .shrubland: km2(20)])
        let listed = try LandConversion(unit: "a", from: .shrubland, to: .deciduousNeedleleafForest, area: km2(4), provenance: fixture)
        let error = #expect(throws: AccountsError.self) { try ExtentAccount(opening: [before], closing: [after], conversions: [listed]) }
        #expect(String(describing: error!).contains("deciduous-needleleaf-forest: the opening extent 7000 ha and the closing 8000 ha differ by 1000 ha, but the listed conversions add 400 ha"))
    }

    @Test func conversionLargerThanTheTypeIsRefused() throws {
        let model = try carbonModel(year: 2022, a: [.shrubland: 1], b: [.meadow: 1], nep: [.shrubland: 1, .meadow: 1])
        let burn = try LandConversion(unit: "a", from: .shrubland, to: .bareLand, area: km2(2), provenance: fixture)
        let error = #expect(throws: AccountsError.self) { try model.applying([burn]) }
        #expect(String(describing: error!) == "unit a has 100 ha of shrubland, but the conversions take 200 ha from it; expected at most the area the unit has")
        #expect(throws: AccountsError.self) { try LandConversion(unit: "a", from: .meadow, to: .meadow, area: km2(1), provenance: fixture) }
    }

    @Test func supplyByEcosystemType() throws {
        let accounts = try accounts()
        let line = try #require(accounts.closing.lines.first)
        expectRelative(line.byType[.deciduousNeedleleafForest] ?? 0, 130 * 110 * 44 / 12)
        expectRelative(line.byType[.shrubland] ?? 0, 20 * 50 * 44 / 12)
        expectRelative(line.byType[.meadow] ?? 0, 50 * 20 * 44 / 12)
        #expect(line.unattributed == 0)
        // The closing account is at 2022 prices (102 元/t), the opening at 2021 (100 元/t).
        expectRelative(accounts.closing.account.gep.yuan, (130 * 110 + 20 * 50 + 50 * 20) * 44 / 12 * 102)
        expectRelative(accounts.opening.account.gep.yuan, (125 * 100 + 30 * 50 + 45 * 20) * 44 / 12 * 100)
    }

    @Test func assetAccountSplitsTheChange() throws {
        let asset = try accounts().asset
        let a = 7.721734929184818  // (1 − 1.05⁻¹⁰) ÷ 0.05, by Python
        let larch = try #require(asset.rows.first { $0.type == .deciduousNeedleleafForest })
        let v0 = 125 * 100 * 44 / 12 * 100.0          // opening flow, 2021 prices
        let v1AtP0 = 130 * 110 * 44 / 12 * 100.0      // closing quantities, 2021 prices
        let v1 = 130 * 110 * 44 / 12 * 102.0          // closing flow, 2022 prices
        expectRelative(larch.openingYuan, a * v0)
        expectRelative(larch.extentEffectYuan, a * v0 * (130.0 / 125 - 1))   // 5 km² more larch at the opening flow per km²
        expectRelative(larch.conditionEffectYuan, a * (v1AtP0 - v0 * 130 / 125)) // NEP 100 → 110 over the closing area
        expectRelative(larch.priceEffectYuan, a * (v1 - v1AtP0))
        expectRelative(larch.closingYuan, a * v1)
        let shrub = try #require(asset.rows.first { $0.type == .shrubland })
        expectRelative(shrub.extentEffectYuan, a * (20 - 30) * 50 * 44 / 12 * 100)  // 10 km² lost, NEP unchanged
        #expect(abs(shrub.conditionEffectYuan) <= 1e-12 * shrub.openingYuan)  // rounding only
        for row in asset.rows {
            expectRelative(row.openingYuan + row.extentEffectYuan + row.conditionEffectYuan + row.priceEffectYuan, row.closingYuan, 1e-12)
        }
    }

    @Test func assetValueFollowsTheDiscountRate() throws {
        let flows = (opening: (125 * 100 + 30 * 50 + 45 * 20) * 44 / 12 * 100.0, closing: (130 * 110 + 20 * 50 + 50 * 20) * 44 / 12 * 102.0)
        // a(5 %, 10) = 7.721734929184818, a(0, 10) = 10, a(10 %, 10) = 6.144567105704685, by Python.
        let sensitivity = try accounts().asset.sensitivity
        #expect(sensitivity.map(\.discountRate) == [0.05, 0, 0.1])
        for (row, factor) in zip(sensitivity, [7.721734929184818, 10, 6.144567105704685]) {
            expectRelative(row.openingYuan, factor * flows.opening)
            expectRelative(row.closingYuan, factor * flows.closing)
        }
        // A longer life at a positive rate is worth more, but less than in proportion.
        let thirty = try accounts(rate: 0.05, life: 30).asset.total(\.closingYuan)
        expectRelative(thirty, 15.372451026882027 * flows.closing)  // a(5 %, 30), by Python
    }

    @Test func conditionIndexRescalesBetweenReferenceLevels() throws {
        let stock = try ConditionIndicator(id: "growing-stock", name: "growing stock", ecosystemType: .deciduousNeedleleafForest,
                                           unit: AnyUnit("m³/ha")!, upperReference: 200, lowerReference: 0, opening: 83.2, closing: 85,
                                           provenance: [fixture])
        expectRelative(stock.openingIndex, 0.416)
        expectRelative(stock.closingIndex, 0.425)
        #expect(stock.index(250) == 1)
        // Lower is better: erosion of 2 t/ha against a reference of 0.5 and a lost level of 5.
        let erosion = try ConditionIndicator(id: "erosion", name: "soil erosion", ecosystemType: .meadow, unit: AnyUnit("t/ha")!,
                                             upperReference: 0.5, lowerReference: 5, opening: 2, closing: 1, provenance: [fixture])
        expectRelative(erosion.openingIndex, 3.0 / 4.5)
        expectRelative(erosion.closingIndex, 4.0 / 4.5)
        #expect(throws: AccountsError.self) {
            try ConditionIndicator(id: "x", name: "x", ecosystemType: .meadow, unit: AnyUnit("%")!, upperReference: 1, lowerReference: 1,
                                   opening: 0, closing: 0, provenance: [])
        }
    }

    @Test func userSharesMustSumToOne() throws {
        #expect(throws: AccountsError.self) {
            try ServiceUsers(service: "carbon-sink", shares: [.households: 0.5, .restOfWorld: 0.4], provenance: fixture)
        }
        let users = try ServiceUsers(service: "carbon-sink", shares: [.restOfWorld: 1], provenance: fixture)
        let accounts = try EcosystemAccounts(
            openingModel: try carbonModel(year: 2021, a: [.meadow: 1], b: [.meadow: 1], nep: [.meadow: 20]),
            closingModel: try carbonModel(year: 2022, a: [.meadow: 1], b: [.meadow: 1], nep: [.meadow: 20]), conversions: [],
            condition: [], users: [users], valuation: try AssetValuation(discountRate: 0.05, assetLife: 10), registry: BuiltInServices.registry())
        let line = try #require(accounts.closing.lines.first)
        let use = try #require(accounts.use(of: line))
        expectRelative(use[.restOfWorld] ?? 0, 2 * 20 * 44 / 12)
    }
}
