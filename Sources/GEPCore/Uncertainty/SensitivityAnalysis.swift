/// How GEP responds to each uncertain value of a region model: one-at-a-time elasticities at the deterministic
/// point and first-order Sobol indices over the parameters' distributions.
public struct SensitivityAnalysis: Sendable {
    public let parameters: [UncertainParameter]
    /// ∂ln GEP / ∂ln x by central differences of ±1 % around the deterministic value.
    public let elasticities: [Double]
    /// First-order Sobol indices (``SobolIndices``).
    public let sobol: [Double]
    public let samples: Int

    /// - Throws: errors of the model runs; ``AccountError/shapeMismatch(_:)`` when the model has no uncertain value.
    public init(model: RegionModel, registry: ServiceRegistry, samples: Int, seed: UInt64) throws {
        let parameters = model.uncertainParameters
        guard !parameters.isEmpty else { throw AccountError.shapeMismatch("the model has no value with an uncertainty to analyse") }
        let baselines = parameters.map { $0.baseline(in: model) }
        let gep = { (values: [Double]) throws -> Double in try model.with(parameters, values: values).run(with: registry).account.gep.yuan }
        let base = try gep(baselines)
        let step = 0.01
        elasticities = try parameters.indices.map { i in
            var up = baselines, down = baselines
            up[i] *= 1 + step
            down[i] *= 1 - step
            return base == 0 ? 0 : (try gep(up) - (try gep(down))) / (2 * step * base)
        }
        sobol = try SobolIndices.firstOrder(parameters.map(\.uncertainty.distribution), samples: samples, seed: seed, model: gep)
        self.parameters = parameters
        self.samples = samples
    }
}
