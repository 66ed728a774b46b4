import Foundation
import GEPReport
import Testing

/// `gep account --prices` lays a price book over the model's; `--compare-prices` values the same account under each
/// book side by side.
@Suite("gep account --prices and --compare-prices")
struct PriceBookOptionTests {
    static let genhe = AccountCommandTests.genhe
    static func book(_ name: String) -> String { packageRoot.appendingPathComponent("models/prices/\(name).yaml").path }

    /// CPI chained from the NBS changes: 2022 over 2010 is the product of the twelve changes 2011–2022, 2022 over
    /// 2018 that of 2019–2022 (1.029 × 1.025 × 1.009 × 1.020).
    static let cpi2022Over2010 = 1.054 * 1.026 * 1.026 * 1.020 * 1.014 * 1.020 * 1.016 * 1.021 * 1.029 * 1.025 * 1.009 * 1.020
    static let cpi2022Over2018 = 1.029 * 1.025 * 1.009 * 1.020

    /// Carbon at the afforestation cost: the same t CO₂ valued at 380 元/t (2010) restated to 2022, against the
    /// market's 55.30 元/t (2022); every other service is unchanged, and GEP moves by carbon's change alone.
    @Test("the carbon shadow price scales carbon by 380 × CPI(2022/2010) / 55.30 and nothing else")
    func compareCarbonPrices() throws {
        let run = try runGEP(["account", Self.genhe, "--compare-prices", Self.book("carbon-afforestation-cost"), "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(PriceComparisonReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.schema == "gepkit.price-comparison/1" && report.priceBooks.count == 2)
        #expect(report.priceBooks[1].hasSuffix(", with Carbon at the afforestation cost (Garzê 2010 shadow price)"))
        for service in report.services {
            let ratio = service.valuesYuan[1] / service.valuesYuan[0]
            let expected = service.id == "carbon-sink" ? 380 * Self.cpi2022Over2010 / 55.30 : 1
            #expect(abs(ratio - expected) < 1e-9, "\(service.id): \(ratio) against \(expected)")
        }
        let carbon = try #require(report.services.first { $0.id == "carbon-sink" })
        #expect(abs((report.gepYuan[1] - report.gepYuan[0]) - (carbon.valuesYuan[1] - carbon.valuesYuan[0])) < 1e-6 * report.gepYuan[0])
        let table = try runGEP(["account", Self.genhe, "--compare-prices", Self.book("carbon-afforestation-cost")])
        #expect(table.status == 0 && table.standardOutput.contains("vs book 1") && table.standardOutput.contains("carbon sink"), "\(table.standardOutput)")
    }

    /// The environmental tax book replaces soil retention's N and P rates: N at 1750 元/t (2018), restated to 2022.
    @Test("--prices lays the environmental-tax book over the guideline's: soil N at 1750 元/t × CPI(2022/2018)")
    func overlay() throws {
        let run = try runGEP(["account", Self.genhe, "--prices", Self.book("inner-mongolia-environmental-tax"), "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(AccountReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.priceBook.hasSuffix(", with Inner Mongolia environmental protection tax equivalents (2018)"))
        let soil = try #require(report.services.first { $0.id == "soil-retention" })
        let nitrogen = try #require(soil.lines.first { $0.priceKey == "nitrogen-removal-cost" })
        #expect(abs(nitrogen.priceYuan - 1750 * Self.cpi2022Over2018) < 1e-9 * nitrogen.priceYuan, "\(nitrogen.priceYuan)")
        // The water conservation price is the guideline's, untouched by the overlay.
        let water = try #require(report.services.first { $0.id == "water-conservation" }?.lines.first)
        #expect(abs(water.priceYuan - 7.06 * Self.cpi2022Over2010) < 1e-9 * water.priceYuan)
    }

    @Test("a missing price book and --compare-prices with --save: one message, non-zero exit, nothing printed")
    func refusals() throws {
        let missing = try runGEP(["account", Self.genhe, "--prices", "/nonexistent/book.yaml"])
        #expect(missing.status != 0 && missing.standardError.contains("/nonexistent/book.yaml") && missing.standardOutput.isEmpty, "\(missing.standardError)")
        let save = try runGEP(["account", Self.genhe, "--compare-prices", Self.book("carbon-afforestation-cost"), "--save"])
        #expect(save.status != 0 && save.standardError.contains("drop --save"), "\(save.standardError)")
    }
}
