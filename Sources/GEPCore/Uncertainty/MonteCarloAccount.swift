import LinearAlgebra

/// The GEP account under uncertain prices and inputs: N draws of every uncertain value, the account of each, and
/// summaries per service and for the total.
///
/// Prices enter the account linearly, so draws of prices alone are stacked as the columns of a price matrix P
/// (lines × N) and every draw's values come from matrix products: unit GEP = Q_counted · P and service values
/// = M · P, each one BLAS `dgemm`, with Q the physical table and M the service-by-line sums of Q. When inputs vary too,
/// each draw reruns the physical models, then values its line totals at that draw's prices; a draw whose inputs a
/// service refuses as physically impossible (evapotranspiration above precipitation on land, say) is rejected and
/// drawn again, and `rejectedDraws` says how many were. Draws come from one seeded generator in a fixed order, so a
/// seed gives the same result on any machine.
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
    /// Draws refused by a service as physically impossible and replaced.
    public let rejectedDraws: Int

    /// - Throws: errors of the model run, or ``DistributionError``-free draws that break an input's domain (a draw
    ///   outside it is reported by the service, naming the input).
    public init(model: RegionModel, registry: ServiceRegistry, draws: Int, seed: UInt64) throws {
        precondition(draws >= 2, "at least two draws")
        let run = try model.run(with: registry)
        let account = run.account
        let parameters = model.uncertainParameters
        var generator = SeededGenerator(seed: seed)
        var samples = (0..<draws).map { _ in parameters.map { $0.uncertainty.distribution.sample(using: &generator) } }

        let services = account.services
        let priceIndices = parameters.indices.filter { if case .price = parameters[$0].location { true } else { false } }
        let inputsVary = parameters.contains { if case .price = $0.location { false } else { true } }
        var lineTotals: Matrix  // lines × draws: Σ over units of each line's quantity
        var rejected = 0
        if inputsVary {
            lineTotals = Matrix(rows: account.lines.count, columns: draws)
            for k in 0..<draws {
                var drawn: Account
                while true {
                    do {
                        drawn = try model.with(parameters, values: samples[k]).run(with: registry).account
                        break
                    } catch InputError.outOfRange where rejected < 10 * draws {
                        rejected += 1
                        samples[k] = parameters.map { $0.uncertainty.distribution.sample(using: &generator) }
                    }
                }
                guard drawn.lines.map(\.line) == account.lines.map(\.line) else {
                    throw AccountError.shapeMismatch("a draw produced different account lines from the deterministic run")
                }
                for l in account.lines.indices { lineTotals[l, k] = drawn.physical.column(l).reduce(0, +) }
            }
        } else {
            lineTotals = Matrix(rows: account.lines.count, columns: 0)
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
        self.draws = draws
        self.seed = seed
        self.deterministic = run
        self.parameters = parameters
        self.totals = totals
        self.services = services
        self.serviceValues = serviceValues
        self.rejectedDraws = rejected
    }

    public var totalSummary: SampleSummary { SampleSummary(totals) }

    public func summary(of service: ServiceID) -> SampleSummary? {
        services.firstIndex(of: service).map { SampleSummary(serviceValues[$0]) }
    }
}

extension Uncertainty {
    var isRelative: Bool { if case .relative = self { true } else { false } }
}
