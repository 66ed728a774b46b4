import Compensation
import GEPCore
import PropertyBased
import Testing

@Suite("Optimised allocation: weighted least squares with budget, floors and caps")
struct OptimisedAllocationTests {
    /// Unweighted, no binding bound: x = t + (B − Σt)/n = (50, 30, 20) + 20/3.
    @Test func unconstrainedShiftsEquallyToTheBudget() throws {
        let x = try OptimisedAllocation.solve(target: [50, 30, 20], weights: [1, 1, 1], budget: 120,
                                             floors: [0, 0, 0], caps: [1e9, 1e9, 1e9])
        expectClose(x, [50 + 20.0 / 3, 30 + 20.0 / 3, 20 + 20.0 / 3], relative: 1e-12)
    }

    /// Weights (1, 4, 1): KKT gives 2wᵢ(xᵢ − tᵢ) = λ, so xᵢ = tᵢ + λ/(2wᵢ) and Σ = 100 + λ(1/2 + 1/8 + 1/2) = 120,
    /// λ = 20/1.125 = 17.777…: x = (58.8889, 32.2222, 28.8889).
    @Test func weightsShiftLessWhereTheyAreHeavier() throws {
        let x = try OptimisedAllocation.solve(target: [50, 30, 20], weights: [1, 4, 1], budget: 120,
                                             floors: [0, 0, 0], caps: [1e9, 1e9, 1e9])
        let lambda = 20 / 1.125
        expectClose(x, [50 + lambda / 2, 30 + lambda / 8, 20 + lambda / 2], relative: 1e-12)
    }

    /// Cap 52 on unit 1: it sits at the cap; the others share 68: t + δ with 30 + 20 + 2δ = 68, δ = 9 → (52, 39, 29).
    /// KKT check: unit 1 at its cap has 2(52 − 50) = 4 ≤ λ = 18, so it would rise if it could.
    @Test func capBinds() throws {
        let x = try OptimisedAllocation.solve(target: [50, 30, 20], weights: [1, 1, 1], budget: 120,
                                             floors: [0, 0, 0], caps: [52, 1e9, 1e9])
        expectClose(x, [52, 39, 29], relative: 1e-12)
    }

    /// Weights (1, 4, 1) and a floor of 35 on unit 2 (its unconstrained 32.22 is below it): x₂ = 35, the others share
    /// 85 equally above target: 50 + 20 + 2δ = 85, δ = 7.5 → (57.5, 35, 27.5). KKT: 2·4·(35 − 30) = 40 ≥ λ = 15.
    @Test func floorBinds() throws {
        let x = try OptimisedAllocation.solve(target: [50, 30, 20], weights: [1, 4, 1], budget: 120,
                                             floors: [0, 35, 0], caps: [1e9, 1e9, 1e9])
        expectClose(x, [57.5, 35, 27.5], relative: 1e-12)
    }

    /// A bound first violated and later released: the target (100, 0, 0) with B = 60 and floors 10 pushes units 2
    /// and 3 below their floors; fixing them gives (40, 10, 10), which satisfies every KKT condition.
    @Test func severalBoundsBind() throws {
        let x = try OptimisedAllocation.solve(target: [100, 0, 0], weights: [1, 1, 1], budget: 60,
                                             floors: [10, 10, 10], caps: [1e9, 1e9, 1e9])
        expectClose(x, [40, 10, 10], relative: 1e-12)
    }

    /// Found by the property test below: floors and caps push every unit to a bound before the budget is met.
    /// Targets 0, floor 5.00000003 on unit 2, caps 5 on units 1 and 3, budget 15.00000004: units 1 and 3 sit at
    /// their caps and unit 2 takes the rest, 5.00000004.
    @Test func allUnitsAtBoundsStillMeetTheBudget() throws {
        let x = try OptimisedAllocation.solve(target: [0, 0, 0], weights: [0.5, 0.5, 0.5], budget: 15.00000004,
                                             floors: [0, 5.00000003, 0], caps: [5, 27.1, 5])
        expectClose(x, [5, 5.00000004, 5], relative: 1e-12)
    }

    @Test func floorsAboveTheBudgetAreInfeasible() {
        let error = #expect(throws: CompensationError.self) {
            try OptimisedAllocation.solve(target: [50, 30, 20], weights: [1, 1, 1], budget: 120, floors: [50, 50, 50], caps: [1e9, 1e9, 1e9])
        }
        #expect(String(describing: error!) == "no allocation satisfies the constraints: floors sum to 150 元, above the budget of 120 元")
    }

    @Test func capsBelowTheBudgetAreInfeasible() {
        #expect(throws: CompensationError.infeasible("caps sum to 90 元, below the budget of 120 元")) {
            try OptimisedAllocation.solve(target: [50, 30, 20], weights: [1, 1, 1], budget: 120, floors: [0, 0, 0], caps: [30, 30, 30])
        }
    }

    /// Random problems of 2–10 units: the result sums to the budget, respects every floor and cap, and satisfies the
    /// KKT conditions (one multiplier λ for all free units; units at a floor would go lower, at a cap higher).
    @Test func resultsSatisfyConstraintsAndKKT() async {
        await propertyCheck(count: 200, input: Gen.int(in: 2...10), Gen.double(in: 0...100).array(of: 40), Gen.double(in: 0.2...0.9)) { n, numbers, tightness in
            let target = (0..<n).map { numbers[$0] }
            let weights = (0..<n).map { 0.5 + numbers[$0 + 10] / 50 }
            let floors = (0..<n).map { numbers[$0 + 20] * 0.3 }
            let caps = (0..<n).map { floors[$0] + 5 + numbers[$0 + 30] }
            let budget = floors.reduce(0, +) + tightness * (caps.reduce(0, +) - floors.reduce(0, +))
            let x = try OptimisedAllocation.solve(target: target, weights: weights, budget: budget, floors: floors, caps: caps)
            #expect(abs(x.reduce(0, +) - budget) <= 1e-9 * budget)
            let tolerance = 1e-9 * max(1, budget)
            var lambdas: [Double] = []
            for i in 0..<n {
                #expect(x[i] >= floors[i] - tolerance && x[i] <= caps[i] + tolerance)
                if x[i] > floors[i] + tolerance && x[i] < caps[i] - tolerance { lambdas.append(2 * weights[i] * (x[i] - target[i])) }
            }
            guard let lambda = lambdas.first else { return }
            #expect(lambdas.allSatisfy { abs($0 - lambda) <= 1e-7 * max(1, abs(lambda)) })
            for i in 0..<n {
                let gradient = 2 * weights[i] * (x[i] - target[i])
                if abs(x[i] - floors[i]) <= tolerance { #expect(gradient >= lambda - 1e-7 * max(1, abs(lambda))) }
                if abs(x[i] - caps[i]) <= tolerance { #expect(gradient <= lambda + 1e-7 * max(1, abs(lambda))) }
            }
        }
    }

    /// The dgglse path and the closed form agree on random problems (to 1e−9 of the budget), and 10⁴ units, far past
    /// the dense limit, solve with every constraint met.
    @Test func denseAndClosedFormAgree() async throws {
        await propertyCheck(count: 100, input: Gen.int(in: 2...40), Gen.double(in: 0...100).array(of: 160), Gen.double(in: 0.1...0.9)) { n, numbers, tightness in
            let target = (0..<n).map { numbers[$0] }
            let weights = (0..<n).map { 0.5 + numbers[$0 + 40] / 50 }
            let floors = (0..<n).map { numbers[$0 + 80] * 0.3 }
            let caps = (0..<n).map { floors[$0] + 5 + numbers[$0 + 120] }
            let budget = floors.reduce(0, +) + tightness * (caps.reduce(0, +) - floors.reduce(0, +))
            let dense = try OptimisedAllocation.solve(target: target, weights: weights, budget: budget, floors: floors, caps: caps)
            let closed = try OptimisedAllocation.solve(target: target, weights: weights, budget: budget, floors: floors, caps: caps, dense: false)
            for (a, b) in zip(dense, closed) { #expect(abs(a - b) <= 1e-9 * budget) }
        }
        let n = 10_000
        let target = (0..<n).map { Double($0 % 97) }
        let floors = [Double](repeating: 10, count: n)
        let x = try OptimisedAllocation.solve(target: target, weights: [Double](repeating: 1, count: n), budget: 600_000,
                                             floors: floors, caps: [Double](repeating: 90, count: n))
        #expect(abs(x.reduce(0, +) - 600_000) <= 1e-9 * 600_000)
        #expect(x.allSatisfy { $0 >= 10 - 1e-9 && $0 <= 90 + 1e-9 })
    }

    /// The scheme: GEP share (600, 300, 100) with a floor of 150 on c → c = 150, a and b share 850 at equal distance:
    /// 600 + 300 + 2δ = 850, δ = −25 → (575, 275, 150).
    @Test func optimisedSchemeAroundGEPShare() throws {
        let scheme = OptimisedScheme(target: IndicatorShareScheme.gepShare, floors: ["c": 150])
        let allocation = try scheme.allocate(try threeUnits())
        expectClose(allocation.amounts, [575, 275, 150])
        expectSumsToBudget(allocation, 1000)
        #expect(allocation.explanations[2].hasSuffix("(at its floor)"))
    }
}

@Suite("Comparison metrics")
struct AllocationMetricsTests {
    /// (600, 300, 100): mean 1000/3; Σ|xᵢ − xⱼ| over ordered pairs = 2(300 + 500 + 200) = 2000; G = 2000/(2·9·333.33) = 1/3.
    @Test func gini() {
        #expect(abs(AllocationMetrics.gini([600, 300, 100]) - 1.0 / 3) < 1e-12)
        #expect(AllocationMetrics.gini([5, 5, 5]) == 0)
        #expect(abs(AllocationMetrics.gini([0, 0, 9]) - 2.0 / 3) < 1e-12)
        // Against the mean-difference definition Σ Σ |a − b| / (2n²μ), on 200 seeded random allocations.
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<200 {
            let values = (0..<Int(1 + generator.next() % 40)).map { _ in Double(generator.next() % 10_000) }
            let n = Double(values.count), mean = values.reduce(0, +) / n
            let definition = mean == 0 ? 0 : values.reduce(0) { sum, a in values.reduce(sum) { $0 + abs(a - $1) } } / (2 * n * n * mean)
            #expect(abs(AllocationMetrics.gini(values) - definition) < 1e-12)
        }
    }

    /// (600, 300, 100): σ² = ((266.67)² + (33.33)² + (233.33)²)/3 = 42 222.2, σ = 205.48, CV = 205.48/333.33 = 0.61644.
    /// σ/μ of (600, 300, 100): μ = 1000/3, σ² = 126 666.67/3; the same at 10³⁰⁰ times and 10⁻³²⁰ times the amounts,
    /// where squaring them directly would overflow or underflow.
    @Test func coefficientOfVariation() {
        let exact = (126_666.666_666_666_7 / 3).squareRoot() / (1000.0 / 3)
        #expect(abs(AllocationMetrics.coefficientOfVariation([600, 300, 100]) - exact) < 1e-12)
        #expect(abs(AllocationMetrics.coefficientOfVariation([6e302, 3e302, 1e302]) - exact) < 1e-12)
        #expect(abs(AllocationMetrics.coefficientOfVariation([6e-320, 3e-320, 1e-320]) - exact) < 1e-3)
    }

    /// Same order → 1, reversed → −1; ties take the average rank: (1, 2, 2, 3) ranks as (1, 2.5, 2.5, 4).
    @Test func spearman() {
        #expect(AllocationMetrics.spearman([1, 2, 3], [10, 20, 30]) == 1)
        #expect(AllocationMetrics.spearman([1, 2, 3], [30, 20, 10]) == -1)
        #expect(AllocationMetrics.ranks([1, 2, 2, 3]) == [1, 2.5, 2.5, 4])
        #expect(AllocationMetrics.spearman([1, 1, 1], [1, 2, 3]) == nil)
    }

    /// Amounts a solver gives units at the same bound differ in the last bits, and which way depends on the BLAS
    /// build: within 10⁻⁹ of their size they are one rank. 15 730 900 and 15 730 900 + 2⁻²⁸ tie; 15 730 900 and
    /// 15 730 901 (a 元 apart, 6·10⁻⁸) do not.
    @Test func nearlyEqualAmountsTie() {
        #expect(AllocationMetrics.ranks([15_730_900, 15_730_900 + 0x1p-28, 20_000_000]) == [1.5, 1.5, 3])
        #expect(AllocationMetrics.ranks([15_730_900, 15_730_901, 20_000_000]) == [1, 2, 3])
        #expect(AllocationMetrics.spearman([1, 2, 2, 2], [1, 2, 2 + 1e-13, 2 - 1e-13]) == 1)
    }

    @Test func comparisonRunsSchemesSideBySide() throws {
        let comparison = try SchemeComparison(problem: try threeUnits(), schemes: [IndicatorShareScheme.gepShare, IndicatorShareScheme.opportunityCost])
        #expect(comparison.rows.map(\.allocation.scheme) == ["gep-share", "opportunity-cost"])
        #expect(comparison.rows[0].compensationToGEP == 1)
        #expect(comparison.rows[0].perCapita[0] == 0.6 && comparison.rows[0].perCapita[2] == nil)
        #expect(comparison.rows[0].perSquareKilometre == [6, 1.5, 100.0 / 300])
        #expect(comparison.rankAgreement.count == 1 && comparison.rankAgreement[0].rho == 1)
    }
}

@Suite("Weighted optimised scheme")
struct WeightedOptimisedSchemeTests {
    /// GEP share of 1000 元 over GEP 600, 300, 100 targets 600, 300, 100; a cap of 500 on a frees 100 元 for b and c,
    /// which move by λ/(2wᵢ): with w_b = 1, w_c = 4, λ/2 · (1 + 1/4) = 100, so λ/2 = 80: b 380, c 120 (unweighted: 350,
    /// 150). a stays at its cap: 2w_a(U_a − t_a) = −200 ≤ λ = 160.
    @Test func weightsSplitTheFreedMoneyByHand() throws {
        let scheme = OptimisedScheme(target: IndicatorShareScheme.gepShare, caps: ["a": 500], weights: ["c": 4])
        expectClose(try scheme.allocate(try threeUnits()).amounts, [500, 380, 120])
        expectClose(try OptimisedScheme(target: IndicatorShareScheme.gepShare, caps: ["a": 500]).allocate(try threeUnits()).amounts, [500, 350, 150])
    }
}
