import LinearAlgebra

/// The GEP account under uncertain prices and inputs: N draws of every uncertain value, the account of each, and
/// summaries per service and for the total.
///
/// Prices enter the account linearly, so draws of prices alone are stacked as the columns of a price matrix P
/// (lines × N) and every draw's values come from matrix products: unit GEP = Q_counted · P and service values
/// = M · P, each one BLAS `dgemm`, with Q the physical table and M the service-by-line sums of Q. When inputs vary too,
/// each draw reruns the physical models, then values its line totals at that draw's prices; a draw whose inputs a
/// service refuses as physically impossible (evapotranspiration above precipitation on land, say) is rejected and
/// drawn again by the ``ImpossibleDrawRule`` that the sensitivity run follows too, and `rejectedDraws` says how many
/// were. Draws come from one seeded generator in a fixed order, so a seed gives the same result on any machine.
public struct MonteCarloAccount: Sendable {
    public let draws: Int
    public let seed: UInt64
    /// The account with every value at its deterministic value.
    public let deterministic: AccountRun
    public let parameters: [UncertainParameter]
    /// GEP of each draw, in 元 at report-year prices.
    public let totals: [Double]
    /// The services in account order, and each one's value per draw (counted in GEP or not).
    public let services: [ServiceID]
    public let serviceValues: [[Double]]
    /// Draws refused by a service as physically impossible and replaced (``ImpossibleDrawRule``).
    public let rejectedDraws: Int

    /// Draws accepted: enough for any summary, and few enough that the draws' tables stay under a gigabyte.
    public static let drawRange = 2...1_000_000

    /// - Parameter progress: told after each draw when inputs vary (each draw reruns the model); price-only runs are
    ///   one matrix product and report once.
    /// - Throws: errors of the deterministic model run; ``UncertaintyError/count(name:value:expected:)`` for a draw
    ///   count outside ``drawRange``; the errors of ``ImpossibleDrawRule/attempt(sampled:_:)`` for a draw that fails.
    public init(model: RegionModel, registry: ServiceRegistry, draws: Int, seed: UInt64, progress: ProgressHandler? = nil) throws {
        guard Self.drawRange.contains(draws) else { throw UncertaintyError.count(name: "draws", value: draws, expected: Self.drawRange) }
        let run = try model.run(with: registry)
        let account = run.account
        let parameters = model.uncertainParameters
        var generator = SeededGenerator(seed: seed)
        let draw = { (generator: inout SeededGenerator) in parameters.map { $0.uncertainty.distribution.sample(using: &generator) } }
        var samples = [[Double]]()
        samples.reserveCapacity(draws)

        let services = account.services
        let priceIndices = parameters.indices.filter { if case .price = parameters[$0].location { true } else { false } }
        let inputsVary = parameters.contains { if case .price = $0.location { false } else { true } }
        var lineTotals: Matrix  // lines × draws: Σ over units of each line's quantity
        var rule = ImpossibleDrawRule(draws: draws)
        if inputsVary {
            lineTotals = Matrix(rows: account.lines.count, columns: draws)
            for k in 0..<draws {
                while true {
                    let values = draw(&generator)
                    let drawn = try rule.attempt(sampled: zip(parameters, values).map { $0.sampled($1) }) {
                        try model.with(parameters, values: values).run(with: registry).account
                    }
                    guard let drawn else { continue }
                    guard drawn.lines.map(\.line) == account.lines.map(\.line) else {
                        throw AccountError.shapeMismatch("a draw produced different account lines from the deterministic run")
                    }
                    for l in account.lines.indices { lineTotals[l, k] = drawn.physical.column(l).reduce(0, +) }
                    samples.append(values)
                    break
                }
                progress?(RunProgress(completed: k + 1, total: draws, steps: "draws"))
            }
        } else {
            lineTotals = Matrix(rows: account.lines.count, columns: 0)
            samples = (0..<draws).map { _ in draw(&generator) }
        }

        // Line price at report year for each draw: the deterministic price scaled by the drawn price's ratio to it.
        var priceDraws = Matrix(rows: account.lines.count, columns: draws)
        for (l, line) in account.lines.enumerated() {
            let scaled = priceIndices.first { if case let .price(key) = parameters[$0].location { key == line.priceKey } else { false } }
            for k in 0..<draws {
                guard let i = scaled else { priceDraws[l, k] = account.prices[l]; continue }
                let ratio = parameters[i].uncertainty.isRelative ? samples[k][i] : samples[k][i] / parameters[i].baseline(in: model)
                priceDraws[l, k] = account.prices[l] * ratio
            }
        }
        var totals = [Double](repeating: 0, count: draws)
        var serviceValues = [[Double]](repeating: [Double](repeating: 0, count: draws), count: services.count)
        if inputsVary {
            for k in 0..<draws {
                for (l, line) in account.lines.enumerated() {
                    let value = lineTotals[l, k] * priceDraws[l, k]
                    serviceValues[services.firstIndex(of: line.service)!][k] += value
                    if line.includedInTotal { totals[k] += value }
                }
            }
        } else {
            // One dgemm for every draw's service values: M (services × lines) · P (lines × draws).
            var byService = Matrix(rows: services.count, columns: account.lines.count)
            var counted = Matrix(rows: 1, columns: account.lines.count)
            for (l, line) in account.lines.enumerated() {
                let quantity = account.physical.column(l).reduce(0, +)
                byService[services.firstIndex(of: line.service)!, l] = quantity
                if line.includedInTotal { counted[0, l] = quantity }
            }
            let values = try byService.multiplied(by: priceDraws)
            serviceValues = services.indices.map { values.row($0) }
            totals = try counted.multiplied(by: priceDraws).row(0)
        }
        // Prices drawn from a very wide distribution (relative-sd 1e300) can take a draw's value past the largest
        // double even where the deterministic account is finite.
        for k in 0..<draws where !(totals[k].isFinite && serviceValues.allSatisfy { $0[k].isFinite }) {
            throw UncertaintyError.drawFailed(reason: "GEP of draw \(k + 1) is \(totals[k]) 元; expected a finite number",
                                              sampled: zip(parameters, samples[k]).map { $0.sampled($1) })
        }
        for (name, values) in [("GEP", totals)] + zip(services.map(\.rawValue), serviceValues) {
            let summary = SampleSummary(values)
            guard [summary.mean, summary.standardDeviation, summary.p5, summary.p95].allSatisfy(\.isFinite) else {
                throw UncertaintyError.summaryOverflow(item: name, mean: summary.mean, standardDeviation: summary.standardDeviation)
            }
        }
        self.draws = draws
        self.seed = seed
        self.deterministic = run
        self.parameters = parameters
        self.totals = totals
        self.services = services
        self.serviceValues = serviceValues
        self.rejectedDraws = rule.rejected
        if !inputsVary { progress?(RunProgress(completed: draws, total: draws, steps: "draws")) }
    }

    public var totalSummary: SampleSummary { SampleSummary(totals) }

    public func summary(of service: ServiceID) -> SampleSummary? {
        services.firstIndex(of: service).map { SampleSummary(serviceValues[$0]) }
    }
}

extension Uncertainty {
    var isRelative: Bool { if case .relative = self { true } else { false } }
}
