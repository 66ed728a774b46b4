/// How GEP responds to each uncertain value of a region model: one-at-a-time elasticities at the deterministic
/// point, and first- and total-order Sobol indices with confidence intervals over the values' distributions.
public struct SensitivityAnalysis: Sendable {
    public let parameters: [UncertainParameter]
    /// ∂ln GEP / ∂ln x by central differences of ±1 % around the deterministic value.
    public let elasticities: [Double]
    /// The Sobol indices of GEP (``SobolIndices``), in parameter order.
    public let sobol: SobolIndices
    public var samples: Int { sobol.samples }

    /// The relative step of the central differences.
    static let step = 0.01

    /// - Throws: errors of the model run; ``UncertaintyError/nothingUncertain`` when the model has no uncertain value;
    ///   ``UncertaintyError`` for a bad sample count or a run on sampled or perturbed values that fails.
    public init(model: RegionModel, registry: ServiceRegistry, samples: Int, seed: UInt64, bootstrapResamples: Int = 1000,
                progress: ProgressHandler? = nil) throws {
        let parameters = model.uncertainParameters
        guard !parameters.isEmpty else { throw UncertaintyError.nothingUncertain }
        guard SobolIndices.sampleRange.contains(samples) else {
            throw UncertaintyError.count(name: "samples", value: samples, expected: SobolIndices.sampleRange)
        }
        let baselines = parameters.map { $0.baseline(in: model) }
        let gep = { (values: [Double]) throws -> Double in try model.with(parameters, values: values).run(with: registry).account.gep.yuan }
        let base = try gep(baselines)
        elasticities = try parameters.indices.map { i in
            var up = baselines, down = baselines
            up[i] *= 1 + Self.step
            down[i] *= 1 - Self.step
            let run = { (values: [Double], sign: String) throws -> Double in
                do { return try gep(values) } catch {
                    let origin = "the deterministic value \(sign) 1 %, for its elasticity"
                    throw UncertaintyError.drawFailed(reason: String(describing: error),
                                                      sampled: [SampledValue(label: parameters[i].label, value: values[i], origin: origin)])
                }
            }
            let (high, low) = (try run(up, "+"), try run(down, "−"))
            return base == 0 ? 0 : (high - low) / (2 * Self.step * base)
        }
        sobol = try SobolIndices(parameters.map(\.uncertainty.distribution), samples: samples, seed: seed,
                                 bootstrapResamples: bootstrapResamples,
                                 sampled: { row in zip(parameters, row).map { $0.sampled($1) } },
                                 progress: progress, model: gep)
        self.parameters = parameters
    }
}
