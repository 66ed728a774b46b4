import GEPCore
import Testing

@Suite("Forest carbon project estimate (CCER afforestation shape)")
struct ForestCarbonProjectTests {
    static let table = try! GrowthTable(ages: [0, 10, 20], cubicMetresPerHectare: [0, 30, 90])

    /// 100 ha planted in 2025 (age 0), 20 years, volume 0 → 30 → 90 m³/ha at ages 0, 10, 20.
    /// t CO₂e per m³: 0.5 · 1.4 · 1.2 · 0.5 · 44/12 = 1.54. Years 1–10 add 3 m³/ha: 100 · 3 · 1.54 = 462 t; years
    /// 11–20 add 6: 924 t. Baseline 20 t/a, emissions 2 t/a, U = 15 % so DR = 5 %, leakage 2 %.
    /// Year 1: net 462 − 20 − 2 = 440; deduction 0.05 · 440 = 22; leakage 0.02 · 442 = 8.84; credits 409.16.
    /// Year 11: net 902; deduction 45.1; leakage 18.08; credits 838.82. Total 10 · 409.16 + 10 · 838.82 = 12 479.8 t,
    /// at 50 元/t: 623 990 元.
    @Test func handWorkedAfforestation() throws {
        let stratum = try ForestCarbonProject.Stratum(id: "larch", area: Quantity(100, .hectare), startAge: 0, project: Self.table,
                                                      woodDensity: 0.5, biomassExpansionFactor: 1.4, rootToShootRatio: 0.2, carbonFraction: 0.5)
        #expect(abs(stratum.tonnesCO2PerCubicMetre - 1.54) < 1e-12)
        let project = try ForestCarbonProject(strata: [stratum], firstYear: 2025, years: 20, baselineRemovalsPerYear: 20, projectEmissionsPerYear: 2,
                                              leakageFraction: 0.02, uncertainty: 0.15, price: Money(50, priceYear: 2024))
        let years = project.estimate()
        #expect(years.count == 20 && years[0].year == 2025 && years[19].year == 2044)
        #expect(abs(years[0].projectStockChange - 462) < 1e-9 && abs(years[10].projectStockChange - 924) < 1e-9)
        #expect(abs(years[0].uncertaintyDeduction - 22) < 1e-9 && abs(years[0].leakage - 8.84) < 1e-9)
        #expect(abs(years[0].credits - 409.16) < 1e-9 && abs(years[10].credits - 838.82) < 1e-9)
        let total = years.reduce(0) { $0 + $1.credits }
        #expect(abs(total - 12_479.8) < 1e-8)
        #expect(abs(years.reduce(0) { $0 + $1.revenueYuan } - 623_990) < 1e-6)
    }

    /// Forest management: 10 ha from age 9, project table 0 → 30 m³/ha by age 10, baseline 0 → 20; the tables stop at
    /// age 10, so only the first year grows: project 10 · 3 · 1.54 = 46.2, baseline 10 · 2 · 1.54 = 30.8, credits
    /// 15.4 (U = 8 % is within 10 %: no deduction); years 2 and 3 add nothing.
    @Test func forestManagementAgainstABaselineTable() throws {
        let project = try GrowthTable(ages: [0, 10], cubicMetresPerHectare: [0, 30])
        let baseline = try GrowthTable(ages: [0, 10], cubicMetresPerHectare: [0, 20])
        let stratum = try ForestCarbonProject.Stratum(id: "managed", area: Quantity(10, .hectare), startAge: 9, project: project, baseline: baseline,
                                                      woodDensity: 0.5, biomassExpansionFactor: 1.4, rootToShootRatio: 0.2, carbonFraction: 0.5)
        let years = try ForestCarbonProject(strata: [stratum], firstYear: 2025, years: 3, uncertainty: 0.08, price: Money(50, priceYear: 2024)).estimate()
        #expect(abs(years[0].projectStockChange - 46.2) < 1e-9 && abs(years[0].baselineStockChange - 30.8) < 1e-9)
        #expect(abs(years[0].credits - 15.4) < 1e-9 && years[0].uncertaintyDeduction == 0)
        #expect(years[1].credits == 0 && years[2].credits == 0)
    }

    @Test func outOfRangeInputsAreRefusedByName() throws {
        #expect(throws: CarbonProjectError.invalidGrowthTable("ages must be finite, non-negative and strictly increasing")) {
            try GrowthTable(ages: [0, 10, 10], cubicMetresPerHectare: [0, 1, 2])
        }
        #expect(throws: CarbonProjectError.invalidParameter("larch carbon fraction", value: 5, expected: "0.3–0.7")) {
            try ForestCarbonProject.Stratum(id: "larch", area: Quantity(1, .hectare), startAge: 0, project: Self.table,
                                            woodDensity: 0.5, biomassExpansionFactor: 1.4, rootToShootRatio: 0.2, carbonFraction: 5)
        }
    }
}
