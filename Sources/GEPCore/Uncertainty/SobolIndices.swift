/// First- and total-order Sobol sensitivity indices with bootstrap confidence intervals.
///
/// With independent inputs X₁…X_d, two sample matrices A and B (N × d) and A_B⁽ⁱ⁾ (A with column i from B), the
/// outputs are first centred on the mean of the 2N runs of A and B, y = f − f̄. The estimators are unchanged in
/// expectation, but their variance no longer grows with f̄²: uncentred, a GEP of 10¹⁰ 元 that varies by a few per cent
/// gives indices of 17 or −9. With V the variance of y over the rows of A and B:
///
///     Sᵢ   ≈ (1/N)  Σⱼ y(B)ⱼ · (y(A_B⁽ⁱ⁾)ⱼ − y(A)ⱼ) / V      (Saltelli et al. 2010, Table 2, estimator (b))
///     S_Tᵢ ≈ (1/2N) Σⱼ (y(A)ⱼ − y(A_B⁽ⁱ⁾)ⱼ)² / V            (Jansen 1999; Saltelli et al. 2010, Table 2, (f))
///
/// - Saltelli, Annoni, Azzini, Campolongo, Ratto & Tarantola (2010), Variance based sensitivity analysis of model
///   output. Design and estimator for the total sensitivity index. Computer Physics Communications 181: 259–270,
///   doi:10.1016/j.cpc.2009.09.018.
/// - Jansen (1999), Analysis of variance designs for model output. Computer Physics Communications 117: 35–43,
///   doi:10.1016/S0010-4655(98)00154-4.
///
/// Confidence intervals are percentile bootstrap intervals (Efron & Tibshirani 1993, ch. 13; SALib's method): the
/// N rows are resampled with replacement, every index is recomputed on each resample (centring and V included), and
/// the interval runs between the (1 ∓ level)/2 quantiles of the resampled indices. The interaction share 1 − ΣSᵢ,
/// the variance that no input explains on its own, gets its interval from the same resamples.
///
/// Costs N·(d + 2) model runs. A row any of whose d + 2 runs a service refuses as physically impossible is drawn
/// again, by the ``ImpossibleDrawRule`` that the Monte Carlo account follows too.
public struct SobolIndices: Sendable, Equatable {
    /// An index and its bootstrap confidence interval.
    public struct Estimate: Sendable, Equatable, Codable {
        public let value: Double
        public let lower: Double
        public let upper: Double

        /// True when the interval is wider than the index is large: the sample is too small to tell the index
        /// from zero, or to rank it.
        public var isUncertain: Bool { upper - lower > abs(value) }
    }

    /// Base samples N accepted.
    public static let sampleRange = 10...1_000_000
    /// Bootstrap resamples accepted.
    public static let bootstrapRange = 100...100_000

    /// Sᵢ of each input, in input order.
    public let firstOrder: [Estimate]
    /// S_Tᵢ of each input.
    public let totalOrder: [Estimate]
    /// 1 − ΣSᵢ: the share of the variance due to interactions alone.
    public let interaction: Estimate
    public let samples: Int
    public let bootstrapResamples: Int
    public let confidenceLevel: Double
    /// V, the variance of the output over the rows of A and B.
    public let variance: Double
    /// Rows drawn again because a run refused them as physically impossible.
    public let rejectedSamples: Int

    /// - Parameters:
    ///   - sampled: names a row's values for error messages; by default x1…x_d with their distributions.
    ///   - progress: told after each row (d + 2 model runs).
    /// - Throws: ``UncertaintyError/count(name:value:expected:)`` for N or the resamples outside their ranges, and the
    ///   errors of ``ImpossibleDrawRule/attempt(sampled:_:)`` for a run that fails.
    public init(_ inputs: [Distribution], samples n: Int, seed: UInt64, bootstrapResamples: Int = 1000,
                confidenceLevel: Double = 0.95, sampled: (([Double]) -> [SampledValue])? = nil,
                progress: ProgressHandler? = nil, model: ([Double]) throws -> Double) throws {
        precondition(!inputs.isEmpty, "Sobol indices need at least one input")
        precondition(confidenceLevel > 0 && confidenceLevel < 1, "a confidence level in (0, 1)")
        guard Self.sampleRange.contains(n) else { throw UncertaintyError.count(name: "samples", value: n, expected: Self.sampleRange) }
        guard Self.bootstrapRange.contains(bootstrapResamples) else {
            throw UncertaintyError.count(name: "bootstrap resamples", value: bootstrapResamples, expected: Self.bootstrapRange)
        }
        let d = inputs.count
        let name = sampled ?? { row in zip(inputs, row).enumerated().map { SampledValue(label: "x\($0 + 1)", value: $1.1, origin: "drawn from \($1.0)") } }
        var generator = SeededGenerator(seed: seed)
        var rule = ImpossibleDrawRule(draws: n)
        var fA = [Double](), fB = [Double](), fAB = [[Double]](repeating: [], count: d)
        fA.reserveCapacity(n)
        fB.reserveCapacity(n)
        for j in 0..<n {
            while true {
                let a = inputs.map { $0.sample(using: &generator) }
                let b = inputs.map { $0.sample(using: &generator) }
                let runs = try rule.attempt(sampled: Self.rowValues(name(a), name(b))) { () throws -> (a: Double, b: Double, mixed: [Double]) in
                    let mixed = try (0..<d).map { i in
                        var row = a
                        row[i] = b[i]
                        return try model(row)
                    }
                    return (try model(a), try model(b), mixed)
                }
                guard let runs else { continue }
                if let bad = ([runs.a, runs.b] + runs.mixed).first(where: { !$0.isFinite }) {
                    throw UncertaintyError.drawFailed(reason: "the model gave \(bad), not a finite number", sampled: Self.rowValues(name(a), name(b)))
                }
                fA.append(runs.a)
                fB.append(runs.b)
                for i in 0..<d { fAB[i].append(runs.mixed[i]) }
                break
            }
            progress?(RunProgress(completed: (j + 1) * (d + 2), total: n * (d + 2), steps: "model runs"))
        }

        let point = Self.indices(fA: fA, fB: fB, fAB: fAB, rows: Array(0..<n))
        var resampledFirst = [[Double]](repeating: [], count: d)
        var resampledTotal = [[Double]](repeating: [], count: d)
        var resampledInteraction = [Double]()
        for _ in 0..<bootstrapResamples {
            let rows = (0..<n).map { _ in Int(generator.next() % UInt64(n)) }
            let resample = Self.indices(fA: fA, fB: fB, fAB: fAB, rows: rows)
            for i in 0..<d {
                resampledFirst[i].append(resample.first[i])
                resampledTotal[i].append(resample.total[i])
            }
            resampledInteraction.append(1 - resample.first.reduce(0, +))
        }
        let tail = (1 - confidenceLevel) / 2
        func estimate(_ value: Double, _ resampled: [Double]) -> Estimate {
            let sorted = resampled.sorted()
            return Estimate(value: value, lower: SampleSummary.quantile(sorted, tail), upper: SampleSummary.quantile(sorted, 1 - tail))
        }
        firstOrder = (0..<d).map { estimate(point.first[$0], resampledFirst[$0]) }
        totalOrder = (0..<d).map { estimate(point.total[$0], resampledTotal[$0]) }
        interaction = estimate(1 - point.first.reduce(0, +), resampledInteraction)
        samples = n
        self.bootstrapResamples = bootstrapResamples
        self.confidenceLevel = confidenceLevel
        variance = point.variance
        rejectedSamples = rule.rejected
    }

    /// A row's values for messages, those of A and of B told apart.
    static func rowValues(_ a: [SampledValue], _ b: [SampledValue]) -> [SampledValue] {
        a.map { SampledValue(label: "\($0.label) (A)", value: $0.value, origin: $0.origin) }
            + b.map { SampledValue(label: "\($0.label) (B)", value: $0.value, origin: $0.origin) }
    }

    /// Sᵢ, S_Tᵢ and V from the runs of `rows` (a row may repeat, in a bootstrap resample): the estimators above, with
    /// the outputs centred on the mean of the chosen rows of A and B. A constant output has every index 0.
    static func indices(fA: [Double], fB: [Double], fAB: [[Double]], rows: [Int]) -> (first: [Double], total: [Double], variance: Double) {
        let n = Double(rows.count)
        let mean = rows.reduce(0) { $0 + fA[$1] + fB[$1] } / (2 * n)
        let variance = rows.reduce(0) { sum, j in
            let (a, b) = (fA[j] - mean, fB[j] - mean)
            return sum + a * a + b * b
        } / (2 * n - 1)
        guard variance > 0 else { return (fAB.map { _ in 0 }, fAB.map { _ in 0 }, 0) }
        var first = [Double](), total = [Double]()
        for mixed in fAB {
            var firstSum = 0.0, totalSum = 0.0
            for j in rows {
                let (a, b, ab) = (fA[j] - mean, fB[j] - mean, mixed[j] - mean)
                firstSum += b * (ab - a)
                totalSum += (a - ab) * (a - ab)
            }
            first.append(firstSum / n / variance)
            total.append(totalSum / (2 * n) / variance)
        }
        return (first, total, variance)
    }
}
