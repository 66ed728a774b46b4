/// Splits a budget in proportion to non-negative weights: Sᵢ = B · wᵢ / Σⱼ wⱼ (sums to B within rounding).
enum ProportionalSplit {
    /// - Throws: ``CompensationError/degenerateWeights(scheme:detail:)`` when a weight is negative or not finite,
    ///   or all weights are zero.
    static func split(_ budget: Double, by weights: [Double], scheme: String) throws -> [Double] {
        if let bad = weights.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw CompensationError.degenerateWeights(scheme: scheme, detail: "weight of unit \(bad + 1) is \(weights[bad]); expected a non-negative number")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw CompensationError.degenerateWeights(scheme: scheme, detail: "all weights are zero, so there is nothing to split by") }
        return weights.map { budget * $0 / total }
    }
}
