import GEPCore
import Testing

@Suite("Money: units, price years and deflators")
struct MoneyTests {
    @Test func moneyUnits() {
        #expect(abs(Money(2.28, .hundredMillionYuan, priceYear: 2010).yuan - 228_000_000) < 1e-6)
        #expect(Money(500, .tenThousandYuan, priceYear: 2023).yuan == 5_000_000)
        #expect(abs(Money(82_130, .tenThousandYuan, priceYear: 2023).amount(in: .hundredMillionYuan) - 8.213) < 1e-12)
        #expect(MoneyUnit(parsing: "万元") == .tenThousandYuan)
        #expect(MoneyUnit(parsing: "亿元") == .hundredMillionYuan)
        #expect(MoneyUnit(parsing: "yuan") == .yuan)
        #expect(MoneyUnit(parsing: "USD") == nil)
    }

    @Test func addingAtOnePriceYear() throws {
        let sum = try Money(1, .hundredMillionYuan, priceYear: 2010).adding(Money(5000, .tenThousandYuan, priceYear: 2010))
        #expect(sum == Money(1.5, .hundredMillionYuan, priceYear: 2010))
    }

    @Test func addingAcrossPriceYearsIsRefused() {
        #expect(throws: MoneyError.priceYearMismatch(2010, 2022)) {
            try Money(1, priceYear: 2010).adding(Money(1, priceYear: 2022))
        }
    }

    /// Index 2010 = 100, 2015 = 112.4, 2022 = 130.5 (illustrative numbers).
    /// 7.06 元 at 2010 prices is 7.06 × 130.5 / 100 = 9.2133 元 at 2022 prices, and back again.
    @Test func restatesBetweenPriceYears() throws {
        let deflator = try sampleDeflator()
        let restated = try deflator.restate(Money(7.06, priceYear: 2010), to: 2022)
        #expect(restated.priceYear == 2022)
        #expect(abs(restated.yuan - 9.2133) < 1e-12)
        let back = try deflator.restate(restated, to: 2010)
        #expect(abs(back.yuan - 7.06) < 1e-12)
        // 2015 → 2022: × 130.5 / 112.4.
        #expect(abs(try deflator.factor(from: 2015, to: 2022) - 130.5 / 112.4) < 1e-15)
    }

    @Test func missingDeflatorYearNamesTheYearAndCoverage() throws {
        let error = #expect(throws: DeflatorError.self) { try sampleDeflator().restate(Money(1, priceYear: 2005), to: 2022) }
        #expect(String(describing: error!) == "deflator \"test index\" has no index for 2005 (it covers 2010–2022)")
    }

    @Test func nonPositiveIndexIsRefused() throws {
        #expect(throws: DeflatorError.nonPositiveIndex(name: "bad", year: 2011, value: 0)) {
            try Deflator(name: "bad", indexByYear: [2010: 100, 2011: 0], provenance: testProvenance)
        }
    }

    private func sampleDeflator() throws -> Deflator {
        try Deflator(name: "test index", indexByYear: [2010: 100, 2015: 112.4, 2022: 130.5], provenance: testProvenance)
    }
}

let testProvenance = try! Provenance(source: "test fixture", status: .assumed, note: "numbers made up for the test")
