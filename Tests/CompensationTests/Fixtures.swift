import Compensation
import GEPCore
import Testing

/// Three units with round numbers, used across the scheme tests.
/// a: 100 km², 1000 people, GEP 600 (500 the year before), opportunity cost 50, 10 万亩 under grazing ban.
/// b: 200 km², 2000 people, GEP 300 (320), opportunity cost 30, 20 万亩 under forage–livestock balance.
/// c: 300 km², population unknown, GEP 100 (90), opportunity cost 20, 5 万亩 of each regime.
func threeUnits(budget: Double = 1000) throws -> CompensationProblem {
    let units = [
        CompensationUnit(id: "a", name: "A", area: Quantity(100, .squareKilometre), population: 1000),
        CompensationUnit(id: "b", name: "B", area: Quantity(200, .squareKilometre), population: 2000),
        CompensationUnit(id: "c", name: "C", area: Quantity(300, .squareKilometre)),
    ]
    return try CompensationProblem(
        units: units, indicators: [IndicatorSpec("gep", unit: "元"), IndicatorSpec("area", unit: "km²")],
        indicatorValues: ["gep": [600, 300, 100], "gep-previous": [500, 320, 90], "opportunity-cost": [50, 30, 20], "area": [100, 200, 300]],
        regimeAreas: ["grazing-ban": [Quantity(10, .tenThousandMu), nil, Quantity(5, .tenThousandMu)],
                      "forage-balance": [nil, Quantity(20, .tenThousandMu), Quantity(5, .tenThousandMu)]],
        budget: Money(budget, priceYear: 2022))
}

func expectClose(_ actual: [Double], _ expected: [Double], relative: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= relative * max(1, abs(e)), "\(a) vs \(e)", sourceLocation: sourceLocation)
    }
}

func expectSumsToBudget(_ allocation: Allocation, _ budget: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(allocation.total - budget) <= 1e-9 * budget, "\(allocation.scheme): \(allocation.total) vs \(budget)", sourceLocation: sourceLocation)
}
