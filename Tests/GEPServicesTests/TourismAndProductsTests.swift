import GEPCore
import GEPServices
import Testing

@Suite("Cultural tourism: travel cost or revenue share")
struct CulturalTourismTests {
    let service = CulturalTourism()
    let prices = PriceBook(name: "test", prices: [price("travel-cost-per-visit", 1500, per: "visit", year: 2022)])
    let place = unit([.deciduousNeedleleafForest: 100])

    /// 10 万人次 × 1500 元/visit = 1.5 亿元 at 2022 prices.
    @Test func travelCost() throws {
        let result = try service.evaluate(place, inputs: Inputs([single("visits", 10, "万人次")]), prices: prices)
        #expect(result.method == "travel-cost")
        expectRelative(result.physical.amount, 100_000)
        expectRelative(result.lines[0].value.amount(in: .hundredMillionYuan), 1.5)
        #expect(result.lines[0].value.priceYear == 2022)
    }

    /// 2.5 亿元 of 2022 revenue × 60 % attributable to ecosystems = 1.5 亿元 at 2022 prices.
    @Test func revenueShare() throws {
        let inputs = Inputs([single("tourism-revenue", 2.5, "亿元", year: 2022), single("ecosystem-share", 60, "%")])
        let result = try service.evaluate(place, method: "revenue", inputs: inputs, prices: PriceBook(name: "none", prices: []))
        #expect(result.method == "revenue")
        expectRelative(result.lines[0].value.yuan, 1.5e8)
        #expect(result.lines[0].value.priceYear == 2022)
    }

    @Test func revenueWithoutAYearIsRefused() {
        let inputs = Inputs([single("tourism-revenue", 2.5, "亿元"), single("ecosystem-share", 0.6, "")])
        #expect(inputErrorMessage(service, place, method: "revenue", inputs, prices)
            == "service cultural-tourism, unit test-unit: input \"tourism-revenue\" is an amount of money and needs a year (its price year)")
    }

    @Test func missingVisitsIsNamed() {
        #expect(inputErrorMessage(service, place, Inputs(), prices)
            == "service cultural-tourism, unit test-unit: missing required input \"visits\"")
    }

    @Test func shareAboveOneIsRejected() {
        let inputs = Inputs([single("tourism-revenue", 2.5, "亿元", year: 2022), single("ecosystem-share", 1.5, "")])
        #expect(inputErrorMessage(service, place, method: "revenue", inputs, prices).contains("input \"ecosystem-share\" is 1.5"))
    }
}

@Suite("Provisioning products: quantity × market price")
struct ProvisioningProductsTests {
    let service = ProvisioningProducts()
    let place = unit([.deciduousNeedleleafForest: 100])

    /// Garzê 2010 (§3.1, Table 3): water supply 1.36 亿 m³ × 2.6 + 150.17 × 3.6 + 17.31 × 0.07 = 3.536 + 540.612 + 1.2117
    /// 亿元, and hydropower 95.30 亿 kWh × 0.53 = 50.509 亿元; total 595.87 亿元 (published 545.36 + 50.51 = 595.87).
    @Test func reproducesGarzeWaterAndHydropower() throws {
        let inputs = Inputs([
            single("product:domestic-water", 1.36, "亿m³"), single("product:industrial-water", 150.17, "亿m³"),
            single("product:agricultural-water", 17.31, "亿m³"), single("product:hydropower", 95.30, "亿kWh"),
        ])
        let prices = PriceBook(name: "Garzê 2010", prices: [
            price("product:domestic-water", 2.6, per: "m³"), price("product:industrial-water", 3.6, per: "m³"),
            price("product:agricultural-water", 0.07, per: "m³"), price("product:hydropower", 0.53, per: "kWh"),
        ])
        let result = try service.evaluate(place, inputs: inputs, prices: prices)
        let values = Dictionary(uniqueKeysWithValues: result.lines.map { ($0.id, $0.value.amount(in: .hundredMillionYuan)) })
        #expect(significant(values["industrial-water"]!, 4) == 540.6)
        #expect(significant(values["agricultural-water"]!, 4) == 1.212)
        #expect(significant(values["hydropower"]!, 4) == 50.51)
        #expect(significant(values.values.reduce(0, +), 5) == 595.87)
    }

    /// 2.5 万 m³ of timber at 800 元/m³ = 20 000 000 元; 1.2 万 t of berries at 15 元/kg... priced per t at 15 000 元/t
    /// = 12 000 × 15 000 = 180 000 000 元.
    @Test func convertsQuantitiesToThePriceUnit() throws {
        let inputs = Inputs([single("product:timber", 2.5, "万m³"), single("product:berries", 1.2, "万t")])
        let prices = PriceBook(name: "test", prices: [price("product:timber", 800, per: "m³"), price("product:berries", 15_000, per: "t")])
        let result = try service.evaluate(place, inputs: inputs, prices: prices)
        #expect(result.lines.map(\.id) == ["berries", "timber"])
        #expect(result.lines.map(\.value.yuan) == [180_000_000, 20_000_000])
    }

    @Test func noProductsIsAMissingInput() {
        #expect(inputErrorMessage(service, place, Inputs(), PriceBook(name: "none", prices: []))
            .contains("missing required input \"product:<name> (at least one product)\""))
    }

    @Test func negativeQuantityIsRejected() {
        let prices = PriceBook(name: "test", prices: [price("product:timber", 800, per: "m³")])
        #expect(inputErrorMessage(service, place, Inputs([single("product:timber", -3, "m³")]), prices)
            .contains("input \"product:timber\" is -3.0; expected a non-negative quantity"))
    }

    @Test func priceInAnotherDimensionIsRejected() {
        let prices = PriceBook(name: "test", prices: [price("product:timber", 800, per: "t")])
        let error = #expect(throws: PriceError.self) {
            try service.evaluate(place, inputs: Inputs([single("product:timber", 3, "m³")]), prices: prices)
        }
        #expect(String(describing: error!).contains("price \"product:timber\": unit \"t\" measures mass, but volume was expected"))
    }
}
