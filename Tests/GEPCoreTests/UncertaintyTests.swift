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
        #expect(analysis.sobol.firstOrder.allSatisfy { $0.lower <= 1 && $0.upper >= 0 })
    }

    /// A precipitation factor of N(1, 0.2) takes the marsh's 500 mm below its 450 mm of ET whenever the factor is
    /// under 0.9, a probability of Φ(−0.5) = 0.309 (0.159 for the forest's 380 mm is included in it). Those draws are
    /// drawn again and counted, by the Monte Carlo and by the sensitivity run alike: the share of rejected draws is
    /// 0.309 / (1 − 0.309) = 0.447 per accepted draw, within 4 binomial standard errors at 2000 draws.
    @Test func impossibleDrawsAreRedrawnAndCountedByBothRuns() throws {
        let model = try fixtureModel(inputsVary: true, precipitation: try Distribution(.normal(mean: 1, sd: 0.2)))
        let registry = try ServiceRegistry([FixtureWaterService()])
        let result = try MonteCarloAccount(model: model, registry: registry, draws: 2000, seed: 12)
        let p = 0.3085
        let share = Double(result.rejectedDraws) / 2000
        #expect(abs(share - p / (1 - p)) < 4 * (p / 2000).squareRoot() / (1 - p), "\(share)")
        #expect(result.totals.allSatisfy { $0 > 0 && $0.isFinite })
        let analysis = try SensitivityAnalysis(model: model, registry: registry, samples: 200, seed: 3, bootstrapResamples: 100)
        #expect(analysis.sobol.rejectedSamples > 0)
        #expect(analysis.sobol.firstOrder.allSatisfy { $0.value.isFinite })
    }

    /// A precipitation factor of U(0.5, 0.8) puts ET above precipitation in every draw (400 mm at most, against the
    /// marsh's 450 mm of ET): the run stops, saying that the values were sampled and from which distribution, instead
    /// of quoting them as the file's.
    @Test func aRunOfImpossibleDrawsNamesTheSampledValues() throws {
        let model = try fixtureModel(inputsVary: true, precipitation: try Distribution(.uniform(min: 0.5, max: 0.8)))
        let registry = try ServiceRegistry([FixtureWaterService()])
        for run in [{ _ = try MonteCarloAccount(model: model, registry: registry, draws: 20, seed: 1) },
                    { _ = try SensitivityAnalysis(model: model, registry: registry, samples: 20, seed: 1, bootstrapResamples: 100) }] {
            do {
                try run()
                Issue.record("expected the run to stop")
            } catch let error as UncertaintyError {
                guard case let .tooManyImpossibleDraws(rejected, draws, refusal, sampled) = error else { Issue.record("\(error)"); continue }
                #expect(rejected == 10 * draws + 1)
                #expect(refusal.contains("input \"evapotranspiration[") && refusal.contains("expected at most precipitation"))
                #expect(sampled.contains { $0.label.hasPrefix("precipitation") && (0.5...0.8).contains($0.value) })
                let message = String(describing: error)
                #expect(message.contains("sampled values") && message.contains("factor on the file's value, drawn from uniform 0.5–0.8"), "\(message)")
            }
        }
    }

    @Test(arguments: [0, 1, 9, 1_000_001])
    func sampleCountsOutsideTheirRangeAreRefused(count: Int) throws {
        let model = try fixtureModel(inputsVary: true)
        let registry = try ServiceRegistry([FixtureWaterService()])
        #expect(throws: UncertaintyError.count(name: "samples", value: count, expected: 10...1_000_000)) {
            try SensitivityAnalysis(model: model, registry: registry, samples: count, seed: 1)
        }
        if count < 2 || count > 1_000_000 {
            #expect(throws: UncertaintyError.count(name: "draws", value: count, expected: 2...1_000_000)) {
                try MonteCarloAccount(model: model, registry: registry, draws: count, seed: 1)
            }
        }
    }

    private func fixtureModel(inputsVary: Bool, precipitation: Distribution? = nil) throws -> RegionModel {
        let unit = try AccountingUnit(id: "a", name: "A", ecosystemAreas: [
            .deciduousNeedleleafForest: Quantity(2, .squareKilometre), .marsh: Quantity(150, .hectare),
        ])
        let inputs = Inputs([
            Input("precipitation", .single(Measure(500, "mm")), provenance: testProvenance,
                  uncertainty: inputsVary ? .relative(try precipitation ?? Distribution(.normal(mean: 1, sd: 0.02))) : nil),
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
