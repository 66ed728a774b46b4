/// First-order Sobol sensitivity indices by the Saltelli estimator: the share of the output's variance that each
/// input explains on its own.
///
/// With independent inputs X₁…X_d, two sample matrices A and B (N × d) and A_B⁽ⁱ⁾ (A with column i from B):
///
///     Sᵢ ≈ (1/N) Σⱼ f(B)ⱼ · (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ) / Var(Y)
///
/// (Saltelli et al. 2010, Computer Physics Communications 181: 259–270, eq. (b) of Table 2), with Var(Y) from the
/// 2N runs of A and B. Costs N·(d + 2) model runs.
public enum SobolIndices {
    /// - Throws: whatever `model` throws.
    public static func firstOrder(_ inputs: [Distribution], samples n: Int, seed: UInt64,
                                  model: ([Double]) throws -> Double) throws -> [Double] {
        precondition(n >= 2 && !inputs.isEmpty, "Sobol indices need at least two samples and one input")
        var generator = SeededGenerator(seed: seed)
        let a = (0..<n).map { _ in inputs.map { $0.sample(using: &generator) } }
        let b = (0..<n).map { _ in inputs.map { $0.sample(using: &generator) } }
        let fa = try a.map(model)
        let fb = try b.map(model)
        let all = fa + fb
        let mean = all.reduce(0, +) / Double(all.count)
        let variance = all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count)
        guard variance > 0 else { return inputs.map { _ in 0 } }
        return try inputs.indices.map { i in
            var sum = 0.0
            for j in 0..<n {
                var mixed = a[j]
                mixed[i] = b[j][i]
                sum += fb[j] * (try model(mixed) - fa[j])
            }
            return sum / Double(n) / variance
        }
    }
}
