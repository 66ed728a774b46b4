import Compensation
import Foundation
import GEPCore
import LinearAlgebra
import PropertyBased
import Testing

/// A chain 1 → 2 → 3: unit 1 generates 100 and uses 20 %, passing 80 % to unit 2; unit 2 generates 50, uses half of
/// what it has and passes half to unit 3; unit 3 generates 20 and uses all it gets.
let chain = try! ServiceFlowNetwork(routing: Matrix([[0, 0, 0], [0.8, 0, 0], [0, 0.5, 0]]), useShares: [0.2, 0.5, 1])

@Suite("Upstream–downstream service flows, (I − R)x = y")
struct ServiceFlowTests {
    /// Available: x₁ = 100, x₂ = 50 + 0.8·100 = 130, x₃ = 20 + 0.5·130 = 85. By origin: unit 1's 100 is 100 at 1,
    /// 80 at 2, 40 at 3; unit 2's 50 is 50 at 2 and 25 at 3. Used: U₁₁ = 20; U₂₁ = 0.5·80 = 40, U₂₂ = 25;
    /// U₃₁ = 40, U₃₂ = 25, U₃₃ = 20. Each origin's uses add up to what it generated (100, 50, 20).
    @Test func tracesUseByOrigin() throws {
        let used = try chain.use(generated: [100, 50, 20])
        let expected = Matrix([[20, 0, 0], [40, 25, 0], [40, 25, 20]])
        for j in 0..<3 { expectClose(used.row(j), expected.row(j), relative: 1e-12) }
        let (exports, imports) = try chain.exchanges(generated: [100, 50, 20])
        expectClose(exports, [80, 25, 0], relative: 1e-12)
        expectClose(imports, [0, 40, 65], relative: 1e-12)
    }

    /// Exports 80 : 25 : 0 split 210 元 into 160, 50, 0; unit 2 supplies 25 but takes 40: a net payer.
    @Test func allocatesByExports() throws {
        let units = (1...3).map { CompensationUnit(id: "u\($0)", name: "U\($0)", area: Quantity(1, .squareKilometre)) }
        let problem = try CompensationProblem(units: units, indicators: [], indicatorValues: ["water": [100, 50, 20]], budget: Money(210, priceYear: 2022))
        let allocation = try ServiceFlowScheme(generated: "water", network: chain).allocate(problem)
        expectClose(allocation.amounts, [160, 50, 0])
        #expect(allocation.explanations[1] == "supplies 25 to others, uses 40 from them: net payer (-15)")
    }

    @Test func overcommittedUnitIsRefused() {
        #expect(throws: CompensationError.self) {
            try ServiceFlowNetwork(routing: Matrix([[0, 0], [0.9, 0]]), useShares: [0.2, 1])
        }
    }
}

@Suite("Shapley values: exact, sampled, efficiency and symmetry")
struct ShapleyTests {
    /// The chain's game: v(S) = Σ_{j,k∈S} Uⱼₖ. It is a sum of single and pair terms, so each pair's joint use is
    /// split equally: φ₁ = 20 + (40 + 40)/2 = 60, φ₂ = 25 + (40 + 25)/2 = 57.5, φ₃ = 20 + (40 + 25)/2 = 52.5;
    /// Σφ = 170 = v(N). A 340 元 budget gives 120, 115, 105.
    @Test func handWorkedChainGame() throws {
        let units = (1...3).map { CompensationUnit(id: "u\($0)", name: "U\($0)", area: Quantity(1, .squareKilometre)) }
        let problem = try CompensationProblem(units: units, indicators: [], indicatorValues: ["water": [100, 50, 20]], budget: Money(340, priceYear: 2022))
        let allocation = try ShapleyScheme(generated: "water", network: chain).allocate(problem)
        expectClose(allocation.amounts, [120, 115, 105])
        #expect(allocation.explanations[0] == "Shapley value 60 of v(N) = 170")
    }

    /// Coalitions are 32-bit masks: a 33-unit game is refused with a message, not a trap.
    @Test func moreThan32UnitsAreRefused() throws {
        let n = 33
        let units = (1...n).map { CompensationUnit(id: "u\($0)", name: "U\($0)", area: Quantity(1, .squareKilometre)) }
        let problem = try CompensationProblem(units: units, indicators: [], indicatorValues: ["water": Array(repeating: 1, count: n)], budget: Money(100, priceYear: 2022))
        let network = try ServiceFlowNetwork(routing: Matrix(rows: n, columns: n), useShares: [Double](repeating: 1, count: n))
        #expect(throws: CompensationError.shapeMismatch("shapley: at most 32 units (coalitions are 32-bit masks), not 33")) {
            try ShapleyScheme(generated: "water", network: network, permutations: 10).allocate(problem)
        }
    }

    /// Random games of 2–9 players with single, pair and size-dependent synergy terms: Σφ = v(N) (efficiency), and
    /// players 0 and 1, given identical terms, get equal values (symmetry). Tolerance 1e−9 relative.
    @Test func efficiencyAndSymmetry() async {
        await propertyCheck(count: 150, input: Gen.int(in: 2...9), Gen.double(in: 0...100).array(of: 60), Gen.double(in: -20...20)) { n, numbers, synergy in
            var pair = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { pair[i][j] = numbers[(i * 7 + j) % 60] } }
            for k in 2..<max(2, n) { pair[1][k] = pair[0][k] }
            var single = (0..<n).map { numbers[($0 * 3 + 41) % 60] }
            single[1] = single[0]
            let worth = { (s: UInt32) -> Double in
                var total = 0.0
                for i in 0..<n where s & (1 << i) != 0 {
                    total += single[i]
                    for j in (i + 1)..<max(i + 1, n) where s & (1 << j) != 0 { total += pair[i][j] }
                }
                return total + (s.nonzeroBitCount >= 3 ? synergy * Double(s.nonzeroBitCount) : 0)
            }
            let phi = Shapley.exact(players: n, value: worth)
            let grand = worth(UInt32((1 << n) - 1))
            #expect(abs(phi.reduce(0, +) - grand) <= 1e-9 * max(1, abs(grand)))
            #expect(abs(phi[0] - phi[1]) <= 1e-9 * max(1, abs(phi[0])))
        }
    }

    /// Twelve units on a branching river (each passes 50 % of what it has to the next downstream one, two tributaries
    /// joining), exact values (4096 coalitions) against 20 000 sampled orders: every unit within its stated error
    /// (three standard errors).
    @Test func sampledEstimateIsWithinItsStatedError() throws {
        let n = 12
        var routing = Matrix(rows: n, columns: n)
        for i in 0..<n - 1 where i != 5 { routing[i + 1, i] = 0.5 }
        routing[11, 5] = 0.5
        let network = try ServiceFlowNetwork(routing: routing, useShares: (0..<n).map { 0.3 + 0.05 * Double($0 % 4) })
        let used = try network.use(generated: (0..<n).map { 10 + 7 * Double(($0 * 5) % 11) })
        let worth = { (s: UInt32) -> Double in
            var total = 0.0
            for j in 0..<n where s & (1 << j) != 0 { for k in 0..<n where s & (1 << k) != 0 { total += used[j, k] } }
            return total
        }
        let exact = Shapley.exact(players: n, value: worth)
        let estimate = Shapley.sampled(players: n, permutations: 20_000, seed: 42, value: worth)
        for i in 0..<n {
            #expect(abs(estimate.values[i] - exact[i]) <= estimate.errorBounds[i], "unit \(i): \(estimate.values[i]) vs \(exact[i]) ± \(estimate.errorBounds[i])")
            #expect(estimate.standardErrors[i] > 0)
        }
        #expect(abs(estimate.values.reduce(0, +) - worth(UInt32((1 << n) - 1))) < 1e-9 * worth(UInt32((1 << n) - 1)))
    }
}

@Suite("Shapley values of stated coalition rules")
struct CoalitionRuleTests {
    /// Synergy v(S) = (1 + 0.1(|S| − 1))·X_S on GEP 600, 300, 100 (X = 1000, n = 3): by the closed form
    /// φᵢ = (1 + r(n − 1)/2)xᵢ + (r/2)(X − xᵢ) = 1.1xᵢ + 0.05(1000 − xᵢ): 680, 365, 155, summing to v(N) = 1.2 · 1000.
    /// A 1000 元 budget: 1000 · 680/1200 = 566.667, 304.167, 129.167.
    @Test func synergyRuleMatchesTheClosedForm() throws {
        let allocation = try ShapleyScheme(game: .synergy(indicator: "gep", rate: 0.1)).allocate(try threeUnits())
        expectClose(allocation.amounts, [1000 * 680 / 1200.0, 1000 * 365 / 1200.0, 1000 * 155 / 1200.0])
        #expect(allocation.explanations[0] == "Shapley value 680 of v(N) = 1200")
    }

    /// Power v(S) = X_S^1.5 with two players, x = (4, 1): φ₁ = ½[4^1.5 + (5^1.5 − 1^1.5)] = ½(8 + 11.18034 − 1)
    /// = 9.09017, φ₂ = ½[1 + (11.18034 − 8)] = 2.09017; Σ = 11.18034 = v(N). A 100 元 budget: 81.305, 18.695.
    @Test func powerRuleMatchesTwoPlayersByHand() throws {
        let units = (0..<2).map { CompensationUnit(id: "u\($0)", name: "U\($0)", area: Quantity(1, .squareKilometre)) }
        let problem = try CompensationProblem(units: units, indicators: [], indicatorValues: ["gep": [4, 1]], budget: Money(100, priceYear: 2022))
        let allocation = try ShapleyScheme(game: .power(indicator: "gep", exponent: 1.5)).allocate(problem)
        let vN = pow(5, 1.5)
        expectClose(allocation.amounts, [100 * 0.5 * (8 + vN - 1) / vN, 100 * 0.5 * (1 + vN - 8) / vN])
        #expect(abs(allocation.amounts[0] - 81.305) < 1e-3)
    }

    /// The rules are superadditive only on non-negative values: a negative indicator is refused by name.
    @Test func negativeIndicatorIsRefused() throws {
        let units = (0..<2).map { CompensationUnit(id: "u\($0)", name: "U\($0)", area: Quantity(1, .squareKilometre)) }
        let problem = try CompensationProblem(units: units, indicators: [], indicatorValues: ["gep": [4, -1]], budget: Money(100, priceYear: 2022))
        #expect(throws: CompensationError.invalidIndicator("gep", unit: "u1", value: -1, expected: "a non-negative finite value (the coalition rule is superadditive only on those)")) {
            try ShapleyScheme(game: .synergy(indicator: "gep", rate: 0.1)).allocate(problem)
        }
    }
}
