import GEPCore
import Testing

@Suite("Uncertainty: distributions, Monte Carlo account, Sobol indices")
struct UncertaintyTests {
    /// Sample means within 4 standard errors (σ/√N) of the analytic means, for 200 000 draws of each shape; the
    /// triangular variance is (a² + b² + c² − ab − ac − bc)/18.
    @Test(arguments: [
        try! Distribution(.normal(mean: 10, sd: 2)), try! Distribution(.lognormal(median: 3, sigma: 0.25)),
        try! Distribution(.uniform(min: 2, max: 8)), try! Distribution(.triangular(min: 0, mode: 1, max: 4)),
    ])
    func sampleMomentsMatch(distribution: Distribution) {
        var generator = SeededGenerator(seed: 11)
        let n = 200_000
        let draws = (0..<n).map { _ in distribution.sample(using: &generator) }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        #expect(abs(mean - distribution.mean) <= 4 * (distribution.variance / Double(n)).squareRoot())
        #expect(abs(variance / distribution.variance - 1) < 0.02)
    }

    @Test func truncationKeepsDrawsAboveTheBound() throws {
        let distribution = try Distribution(.normal(mean: 1, sd: 2), truncatedBelow: 0)
        var generator = SeededGenerator(seed: 3)
        #expect((0..<10_000).allSatisfy { _ in distribution.sample(using: &generator) >= 0 })
        #expect(throws: DistributionError.self) { try Distribution(.triangular(min: 0, mode: 5, max: 4)) }
    }

    /// Y = X₁ + 2X₂ + 3X₃ with independent U(0, 1) inputs: Var Y = (1 + 4 + 9)/12 and Sᵢ = aᵢ²/Σa² = 1/14, 4/14, 9/14
    /// (0.0714, 0.2857, 0.6429). The Saltelli estimator with N = 20 000 is within 0.02 of each.
    @Test func sobolIndicesOfALinearModel() throws {
        let inputs = try (0..<3).map { _ in try Distribution(.uniform(min: 0, max: 1)) }
        let indices = try SobolIndices.firstOrder(inputs, samples: 20_000, seed: 5) { x in x[0] + 2 * x[1] + 3 * x[2] }
        for (estimate, exact) in zip(indices, [1.0 / 14, 4.0 / 14, 9.0 / 14]) {
            #expect(abs(estimate - exact) < 0.02, "\(estimate) vs \(exact)")
        }
    }

    /// Two units of the fixture water service (forest 2 km² and marsh 1.5 km², P 500 mm, ET 380 / 450 mm:
    /// 315 000 m³ at 7.06 元/m³ = 2 223 900 元). With a normal price (sd 10 %) and a normal precipitation factor
    /// (sd 2 %), GEP is linear in each and they are independent, so E[GEP] equals the deterministic account; the
    /// Monte Carlo mean of N = 4000 draws lies within 4 standard errors of it.
    @Test(arguments: [false, true])
    func monteCarloMeanConverges(inputsVary: Bool) throws {
        let model = try fixtureModel(inputsVary: inputsVary)
        let registry = try ServiceRegistry([FixtureWaterService()])
        let result = try MonteCarloAccount(model: model, registry: registry, draws: 4000, seed: 9)
        let summary = result.totalSummary
        let deterministic = result.deterministic.account.gep.yuan
        #expect(abs(deterministic - 2_223_900) < 1e-6)
        #expect(abs(summary.mean - deterministic) <= 4 * summary.standardDeviation / 4000.0.squareRoot())
        #expect(summary.standardDeviation > 0.05 * deterministic)
        #expect(summary.p5 < summary.median && summary.median < summary.p95)
        for k in [0, 17, 3999] { #expect(abs(result.serviceValues[0][k] - result.totals[k]) <= 1e-9 * result.totals[k]) }
    }

    @Test func sameSeedSameDrawsOtherSeedOtherDraws() throws {
        let model = try fixtureModel(inputsVary: true)
        let registry = try ServiceRegistry([FixtureWaterService()])
        let a = try MonteCarloAccount(model: model, registry: registry, draws: 50, seed: 1)
        let b = try MonteCarloAccount(model: model, registry: registry, draws: 50, seed: 1)
        let c = try MonteCarloAccount(model: model, registry: registry, draws: 50, seed: 2)
        #expect(a.totals == b.totals)
        #expect(a.totals != c.totals)
    }

    /// GEP = price × Σ A·(P·f − ET): the price elasticity is 1; the precipitation-factor elasticity is
    /// Σ A·P / Σ A·(P − ET) = (2e6·0.5 + 1.5e6·0.5) / 315 000 = 1 750 000 / 315 000 = 5.5556.
    @Test func elasticities() throws {
        let analysis = try SensitivityAnalysis(model: try fixtureModel(inputsVary: true), registry: try ServiceRegistry([FixtureWaterService()]),
                                               samples: 500, seed: 4)
        #expect(analysis.parameters.map(\.label) == ["price reservoir-cost", "precipitation"])
        #expect(abs(analysis.elasticities[0] - 1) < 1e-9)
        #expect(abs(analysis.elasticities[1] - 1_750_000.0 / 315_000) < 1e-6)
        #expect(analysis.sobol.allSatisfy { (0...1.05).contains($0) })
    }

    private func fixtureModel(inputsVary: Bool) throws -> RegionModel {
        let unit = try AccountingUnit(id: "a", name: "A", ecosystemAreas: [
            .deciduousNeedleleafForest: Quantity(2, .squareKilometre), .marsh: Quantity(150, .hectare),
        ])
        let inputs = Inputs([
            Input("precipitation", .single(Measure(500, "mm")), provenance: testProvenance,
                  uncertainty: inputsVary ? .relative(try Distribution(.normal(mean: 1, sd: 0.02))) : nil),
            Input("evapotranspiration", .byEcosystemType([.deciduousNeedleleafForest: Measure(380, "mm"), .marsh: Measure(450, "mm")]),
                  provenance: testProvenance),
        ])
        let prices = PriceBook(name: "test", prices: [
            Price("reservoir-cost", 7.06, per: "m³", priceYear: 2010, provenance: testProvenance,
                  uncertainty: .absolute(try Distribution(.normal(mean: 7.06, sd: 0.706), truncatedBelow: 0))),
        ])
        return RegionModel(region: try Region(id: "r", name: "R", units: [unit]), year: 2010, reportYear: 2010,
                           services: [.init("fixture-water")], regionInputs: inputs, prices: prices, deflator: nil)
    }
}
