import Compensation
import GEPCore
import LinearAlgebra
import Testing

@Suite("Share, increment, opportunity-cost and area-rate schemes")
struct ShareSchemeTests {
    /// GEP 600 : 300 : 100 of 1000 → 60 %, 30 %, 10 % of 1000 元.
    @Test func gepShare() throws {
        let allocation = try IndicatorShareScheme.gepShare.allocate(try threeUnits())
        expectClose(allocation.amounts, [600, 300, 100])
        expectSumsToBudget(allocation, 1000)
        #expect(allocation.explanations[0] == "gep 600 of 1000 = 60.00 % of the budget")
    }

    /// ΔGEP = 100, −20, 10: b's GEP fell, so it gets nothing; a gets 100/110 and c 10/110 of 1000 元.
    @Test func gepIncrement() throws {
        let allocation = try GEPIncrementScheme().allocate(try threeUnits())
        expectClose(allocation.amounts, [1000 * 100 / 110, 0, 1000 * 10 / 110])
        expectSumsToBudget(allocation, 1000)
        #expect(allocation.explanations[1] == "GEP changed by -20: no increment, no share")
    }

    /// Opportunity cost 50 : 30 : 20 → 500, 300, 200 元.
    @Test func opportunityCost() throws {
        let allocation = try IndicatorShareScheme.opportunityCost.allocate(try threeUnits())
        expectClose(allocation.amounts, [500, 300, 200])
        expectSumsToBudget(allocation, 1000)
    }

    /// 禁牧 7.5 元/亩 and 草畜平衡 2.5 元/亩: a 10 万亩 × 7.5 = 750 000 元; b 20 万亩 × 2.5 = 500 000 元;
    /// c 5 万亩 × 7.5 + 5 万亩 × 2.5 = 375 000 + 125 000 = 500 000 元. Total 1 750 000 元, 1 749 000 over a 1000 元 budget.
    @Test func areaRates() throws {
        let scheme = AreaRateScheme(rates: [
            "grazing-ban": UnitPrice(7.5, per: .mu, priceYear: 2021),
            "forage-balance": UnitPrice(2.5, per: .mu, priceYear: 2021),
        ])
        let allocation = try scheme.allocate(try threeUnits())
        expectClose(allocation.amounts, [750_000, 500_000, 500_000])
        #expect(!allocation.budgetConstrained)
        #expect(allocation.notes == ["rates cost 1.75e+06 元, 1.749e+06 元 over the budget of 1000 元"])
        // c holds both regimes: named by key, 5 万亩 = 50 000 亩 each.
        #expect(allocation.explanations[2] == "forage-balance 50000 亩 × 2.5 元/亩 + grazing-ban 50000 亩 × 7.5 元/亩")
        #expect(allocation.explanations[0] == "grazing-ban 100000 亩 × 7.5 元/亩")
    }

    /// A regime without a rate is named with the first unit (in unit order) that holds it: b, not c.
    @Test func unpricedRegimeNamesItsFirstUnit() throws {
        #expect(throws: CompensationError.missingIndicator("rate for regime forage-balance", unit: "b")) {
            try AreaRateScheme(rates: ["grazing-ban": UnitPrice(7.5, per: .mu, priceYear: 2021)]).allocate(try threeUnits())
        }
    }

    @Test func missingIndicatorIsNamed() throws {
        let problem = try threeUnits()
        #expect(throws: CompensationError.missingIndicator("water", unit: "a")) {
            try IndicatorShareScheme(id: "x", indicator: "water", summary: "").allocate(problem)
        }
    }

    /// A column is checked against the units once, and a gap in it is named by the first unit without a value.
    @Test func indicatorColumnsNameTheirGaps() throws {
        let units = ["a", "b", "c"].map { CompensationUnit(id: $0, name: $0, area: Quantity(1, .squareKilometre)) }
        #expect(throws: CompensationError.shapeMismatch("indicator \"gep\" has 2 values for 3 units")) {
            try CompensationProblem(units: units, indicators: [], indicatorValues: ["gep": [1, 2]], budget: Money(10, priceYear: 2022))
        }
        #expect(throws: CompensationError.shapeMismatch("regime \"grazing-ban\" has 4 values for 3 units")) {
            try CompensationProblem(units: units, indicators: [], regimeAreas: ["grazing-ban": [nil, nil, nil, nil]], budget: Money(10, priceYear: 2022))
        }
        let problem = try CompensationProblem(units: units, indicators: [], indicatorValues: ["gep": [1, nil, nil], "water": [1, 2, 3], "none": [nil, nil, nil]],
                                              budget: Money(10, priceYear: 2022))
        #expect(throws: CompensationError.missingIndicator("gep", unit: "b")) { try problem.values(of: "gep") }
        #expect(try problem.values(of: "water") == [1, 2, 3])
        #expect(problem.holds("water") && !problem.holds("gep") && !problem.holds("none") && !problem.holds("absent"))
        #expect(problem.heldIndicators == ["gep", "water"])
        // A unit without an area under a regime is paid nothing for it, and says so.
        let rates = try AreaRateScheme(rates: ["grazing-ban": UnitPrice(2, per: .mu, priceYear: 2022)])
            .allocate(try problem.with(budget: Money(10, priceYear: 2022)))
        #expect(rates.amounts == [0, 0, 0] && Array(rates.explanations) == Array(repeating: "no area under a compensated regime", count: 3))
    }

    @Test func allZeroWeightsAreRefused() throws {
        let units = (0..<2).map { CompensationUnit(id: "u\($0)", name: "U", area: Quantity(1, .squareKilometre)) }
        let problem = try CompensationProblem(units: units, indicators: [], indicatorValues: ["gep": [0, 0]], budget: Money(10, priceYear: 2022))
        #expect(throws: CompensationError.self) { try IndicatorShareScheme.gepShare.allocate(problem) }
    }
}

@Suite("AHP and entropy-TOPSIS composite indices")
struct CompositeIndexTests {
    static let saaty = Matrix([[1, 3, 5], [1.0 / 3, 1, 3], [1.0 / 5, 1.0 / 3, 1]])

    /// Saaty's textbook example: weights 0.637 / 0.258 / 0.105, λmax = 3.0385, CI = 0.0193, CR = 0.0332 < 0.1.
    @Test func saatyTextbookNumbers() throws {
        let ahp = try AHP(pairwise: Self.saaty)
        expectClose(ahp.weights, [0.6369855717447568, 0.25828499437449515, 0.10472943388074794], relative: 1e-10)
        #expect(abs(ahp.lambdaMax - 3.0385) < 1e-4)
        #expect(abs(ahp.consistencyIndex - 0.019256) < 1e-6)
        #expect(abs(ahp.consistencyRatio - 0.019256 / 0.58) < 1e-6)
        #expect(AHP.randomIndex[3] == 0.58 && AHP.randomIndex[9] == 1.45)
    }

    /// A circular matrix (1 ≻ 2 ≻ 3 ≻ 1, each 9 times): λmax = 10.111 (numpy), CI = 3.556, CR = 6.13 ≥ 0.1: refused
    /// with its CR, accepted only when allowed explicitly.
    @Test func inconsistentMatrixIsRefusedWithItsCR() throws {
        let circular = Matrix([[1, 9, 1.0 / 9], [1.0 / 9, 1, 9], [9, 1.0 / 9, 1]])
        let error = #expect(throws: CompensationError.self) { try AHP(pairwise: circular) }
        #expect(String(describing: error!) == "AHP pairwise matrix is inconsistent: consistency ratio CR = 6.1303 ≥ 0.1; revise the judgements or allow it explicitly")
        let allowed = try AHP(pairwise: circular, allowInconsistent: true)
        #expect(abs(allowed.consistencyRatio - 6.130268199233717) < 1e-9)
    }

    @Test func nonReciprocalMatrixIsRefused() {
        #expect(throws: CompensationError.self) { try AHP(pairwise: Matrix([[1, 3], [3, 1]])) }
    }

    /// Weights 0.63699 / 0.25828 / 0.10473 on shares of GEP (0.6, 0.3, 0.1), opportunity cost (0.5, 0.3, 0.2) and area
    /// (1/6, 2/6, 3/6): a = 0.63699·0.6 + 0.25828·0.5 + 0.10473/6 = 0.528789; b = 0.303491; c = 0.167720 (numpy);
    /// the composite shares sum to 1, so the amounts are 528.79, 303.49, 167.72 of 1000 元.
    @Test func ahpComposite() throws {
        let scheme = AHPScheme(indicators: ["gep", "opportunity-cost", "area"], pairwise: Self.saaty)
        let allocation = try scheme.allocate(try threeUnits())
        expectClose(allocation.amounts, [528.78874588, 303.49098113, 167.72027299], relative: 1e-9)
        expectSumsToBudget(allocation, 1000)
        #expect(allocation.notes[1].hasPrefix("λmax = 3.0385, CI = 0.0193, CR = 0.0332"))
    }

    /// Min–max: GEP (1, 0.4, 0), opportunity cost (1, 1/3, 0). Entropy: e = 0.544568 and 0.511860, so d = 0.455432 and
    /// 0.488140 and w = 0.482667 / 0.517333. a is the ideal (C = 1), c the anti-ideal (C = 0); b: D⁺ = 0.450352,
    /// D⁻ = 0.258867, C = 0.365003. Amounts 1000 · C / 1.365003 = 732.599, 267.401, 0 (numpy, ε = 1e−12).
    @Test func entropyTOPSIS() throws {
        let scheme = EntropyTOPSISScheme(indicators: ["gep", "opportunity-cost"])
        let (weights, closeness) = try scheme.analyse(try threeUnits())
        expectClose(weights, [0.48266749, 0.51733251], relative: 1e-7)
        expectClose(closeness, [1, 0.36500274, 0], relative: 1e-7)
        let allocation = try scheme.allocate(try threeUnits())
        expectClose(allocation.amounts, [732.59926096, 267.40073904, 0], relative: 1e-8)
        expectSumsToBudget(allocation, 1000)
    }
}

@Suite("Green subsidy: reward for real GEP growth above a threshold")
struct GrowthRewardTests {
    /// a 500 → 600 (+20 %), b 320 → 300 (−6.25 %), c 90 → 100 (+11.1 %); θ = 5 %: excess a = 600 − 1.05 · 500 = 75,
    /// c = 100 − 1.05 · 90 = 5.5, b none. 1000 元 splits 1000 · 75/80.5 = 931.677 and 1000 · 5.5/80.5 = 68.323.
    @Test func handWorkedAllocation() throws {
        let allocation = try GrowthRewardScheme(threshold: 0.05).allocate(try threeUnits())
        expectClose(allocation.amounts, [1000 * 75 / 80.5, 0, 1000 * 5.5 / 80.5])
        expectSumsToBudget(allocation, 1000)
        #expect(allocation.explanations[1] == "real growth -6.25 %: not above the threshold, no reward")
        #expect(allocation.explanations[0] == "real growth +20.00 %: 75 元 of GEP beyond the threshold")
    }

    /// At θ = 25 % nobody qualifies: nothing is paid, and the allocation says the budget is unspent.
    @Test func nobodyAboveTheThresholdPaysNothing() throws {
        let allocation = try GrowthRewardScheme(threshold: 0.25).allocate(try threeUnits())
        #expect(allocation.amounts == [0, 0, 0])
        #expect(!allocation.budgetConstrained)
        #expect(allocation.notes == ["no unit grew beyond 25 %: the budget of 1000 元 is unspent"])
    }
}

@Suite("Green subsidy: ranked bands and a penalty for decline")
struct BandAndPenaltyTests {
    /// Growth a +20 %, c +11.1 %, b −6.25 %: ranks a, c, b. Bands {1 unit: 500, 1 unit: 300}: a 500, c 300, b 0;
    /// 800 of 1000 元 paid, 200 unspent. With a 500 元 budget the 800 scale by 5/8: 312.5, 0, 187.5.
    @Test func bandsByGrowthRank() throws {
        let bands = [BandedRewardScheme.Band(count: 1, amount: 500), .init(count: 1, amount: 300)]
        let allocation = try BandedRewardScheme(bands: bands).allocate(try threeUnits())
        #expect(allocation.amounts == [500, 0, 300])
        #expect(!allocation.budgetConstrained)
        #expect(allocation.notes == ["the bands pay 800 元; 200 元 of the budget is unspent"])
        #expect(allocation.explanations[1] == "real growth -6.25 %, rank 3: in no band")
        let tight = try BandedRewardScheme(bands: bands).allocate(try threeUnits(budget: 500))
        expectClose(tight.amounts, [312.5, 0, 187.5])
        expectSumsToBudget(tight, 500)
    }

    /// Ranked by a scorecard of 0.2 × real growth + 0.8 × GEP per km² instead: growth rescaled a 1, b 0,
    /// c (11.111 + 6.25)/26.25 = 0.6614; per km² (6, 1.5, 0.333) rescaled a 1, b 1.1667/5.6667 = 0.2059, c 0. Scores
    /// a 1, b 0.1647, c 0.1323: b now ranks above c, so the bands pay a 500, b 300, c 0.
    @Test func bandsByScorecardRank() throws {
        let bands = [BandedRewardScheme.Band(count: 1, amount: 500), .init(count: 1, amount: 300)]
        let scheme = BandedRewardScheme(bands: bands, ranking: .scorecard([(.realGrowth, 0.2), (.gepPerSquareKilometre, 0.8)]))
        #expect(try scheme.allocate(try threeUnits()).amounts == [500, 300, 0])
    }

    /// Base GEP share of 1000: 600, 300, 100. b fell 6.25 points; at 4 % per point it loses 25 %: 75 withheld, b 225.
    /// a and c share the 75 by 600 : 100: a 600 + 64.2857 = 664.2857, c 100 + 10.7143 = 110.7143.
    @Test func declineIsPenalisedAndRedistributed() throws {
        let allocation = try DeclinePenaltyScheme(base: IndicatorShareScheme.gepShare, penaltyPerPoint: 0.04).allocate(try threeUnits())
        expectClose(allocation.amounts, [600 + 75 * 6 / 7.0, 225, 100 + 75 / 7.0])
        expectSumsToBudget(allocation, 1000)
        #expect(allocation.explanations[1] == "gep-share 300, real growth -6.25 %: cut by 75")
    }
}
