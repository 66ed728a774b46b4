import GEPCore
import Testing

@Suite("GEP appraisal scorecard")
struct ScorecardTests {
    /// Three units (元 at constant prices), services water (w) and carbon (c):
    /// a: 100 km², base w 80 + c 20 = 100, now w 90 + c 30 = 120 → +20 %, 1.2 per km², GDP 50 → 60 (both grew).
    /// b: 200 km², base 200 (w 150, c 50), now 190 (w 140, c 50) → −5 %, 0.95 per km², GDP 100 → 110 (GEP fell).
    /// c: 50 km², base 100 (w 50, c 50), now 110 (w 55, c 55) → +10 %, 2.2 per km², GDP unknown.
    /// Weights growth 0.5, per km² 0.5. Rescaled growth: a 1, b 0, c 15/25 = 0.6; per km²: a 0.25/1.25 = 0.2, b 0,
    /// c 1. Scores: a 0.6, b 0, c 0.8. Ranks c 1, a 2, b 3. Bands A ≥ 0.7, B ≥ 0.5, C ≥ 0: c A, a B, b C.
    @Test func handWorkedScorecard() throws {
        let card = try Scorecard(units: Self.units, weights: [(.realGrowth, 0.5), (.gepPerSquareKilometre, 0.5)],
                                 bands: [.init(name: "A", minimumScore: 0.7), .init(name: "B", minimumScore: 0.5), .init(name: "C", minimumScore: 0)])
        let rows = card.rows
        #expect(rows.map(\.id) == ["a", "b", "c"])
        expect(rows.map(\.realGrowthPercent), [20, -5, 10])
        expect(rows.map(\.gepPerSquareKilometre), [1.2, 0.95, 2.2])
        expect(rows.map(\.score), [0.6, 0, 0.8])
        #expect(rows.map(\.rank) == [2, 3, 1])
        #expect(rows.map(\.band) == ["B", "C", "A"])
        #expect(rows.map(\.bothGrew) == [true, false, nil])
        #expect(abs((rows[0].gepToGDP ?? 0) - 2) < 1e-12)
        expect([rows[0].shares["w"] ?? 0, rows[0].shares["c"] ?? 0], [0.75, 0.25])
    }

    /// Only carbon is mandatory: a 20 → 30 (+50 %), b 50 → 50 (0 %), c 50 → 55 (+10 %); weighting growth alone,
    /// rescaled a 1, b 0, c 0.2, so ranks a, c, b.
    @Test func mandatoryServicesRestrictTheScoredGEP() throws {
        let card = try Scorecard(units: Self.units, weights: [(.realGrowth, 1)], scoredServices: ["c"])
        expect(card.rows.map(\.realGrowthPercent), [50, 0, 10])
        expect(card.rows.map(\.score), [1, 0, 0.2])
        #expect(card.rows.map(\.rank) == [1, 3, 2])
    }

    @Test func gepToGDPWithoutGDPIsRefused() {
        #expect(throws: AppraisalError.invalid("unit c has no GDP, so gep-to-gdp cannot be scored")) {
            try Scorecard(units: Self.units, weights: [(.gepToGDP, 1)])
        }
    }

    static let units = [
        Scorecard.UnitYears(id: "a", area: Quantity(100, .squareKilometre), gepByService: ["w": 90, "c": 30], previousGEPByService: ["w": 80, "c": 20],
                            gdp: Money(60, priceYear: 2022), previousGDP: Money(50, priceYear: 2022)),
        Scorecard.UnitYears(id: "b", area: Quantity(200, .squareKilometre), gepByService: ["w": 140, "c": 50], previousGEPByService: ["w": 150, "c": 50],
                            gdp: Money(110, priceYear: 2022), previousGDP: Money(100, priceYear: 2022)),
        Scorecard.UnitYears(id: "c", area: Quantity(50, .squareKilometre), gepByService: ["w": 55, "c": 55], previousGEPByService: ["w": 50, "c": 50]),
    ]

    private func expect(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) <= 1e-12 * max(1, abs(e)), "\(a) vs \(e)", sourceLocation: sourceLocation) }
    }
}
