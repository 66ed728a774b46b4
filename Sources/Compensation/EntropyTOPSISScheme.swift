import Foundation
import GEPCore

/// Budget split by TOPSIS closeness with entropy weights: objective weights from how much each indicator varies,
/// then each unit's relative closeness to the ideal.
///
/// For m units and n indicators (formulas-and-prices.md §2.4):
/// 1. rᵢⱼ: min–max normalised values (reversed for cost indicators);
/// 2. pᵢⱼ = (rᵢⱼ + ε) / Σᵢ (rᵢⱼ + ε), with ε = 1e−12 to keep ln 0 out;
/// 3. eⱼ = −(1/ln m) Σᵢ pᵢⱼ ln pᵢⱼ, dⱼ = 1 − eⱼ, wⱼ = dⱼ / Σ d;
/// 4. vᵢⱼ = wⱼ rᵢⱼ; D⁺ᵢ, D⁻ᵢ = Euclidean distances to the column maxima and minima; Cᵢ = D⁻ᵢ / (D⁺ᵢ + D⁻ᵢ);
/// 5. Sᵢ = B · Cᵢ / Σ C.
/// Needs at least two units (ln m > 0) and an indicator that varies.
public struct EntropyTOPSISScheme: CompensationScheme {
    public let id = "entropy-topsis"
    public let summary = "TOPSIS closeness to the ideal unit, indicators weighted by entropy"
    public let indicators: [String]

    public init(indicators: [String]) {
        self.indicators = indicators
    }

    /// Entropy weights and closeness coefficients, exposed for tests and reports.
    public func analyse(_ problem: CompensationProblem) throws -> (weights: [Double], closeness: [Double]) {
        let m = problem.units.count
        guard m >= 2 else { throw CompensationError.degenerateWeights(scheme: id, detail: "entropy weights need at least two units") }
        let columns = try indicators.map { try IndicatorNormalisation.minMax(problem, $0) }
        let epsilon = 1e-12
        let divergence = columns.map { column -> Double in
            let total = column.reduce(0) { $0 + $1 + epsilon }
            let entropy = -column.reduce(0) { sum, r in
                let p = (r + epsilon) / total
                return sum + p * log(p)
            } / log(Double(m))
            return 1 - entropy
        }
        let totalDivergence = divergence.reduce(0, +)
        guard totalDivergence > 0 else { throw CompensationError.degenerateWeights(scheme: id, detail: "no indicator varies between units") }
        let weights = divergence.map { $0 / totalDivergence }
        let weighted = zip(weights, columns).map { w, column in column.map { w * $0 } }
        // The ideal and anti-ideal points, once per indicator (not once per unit and indicator).
        let extremes = weighted.map { (best: $0.reduce(-Double.infinity, max), worst: $0.reduce(Double.infinity, min)) }
        let closeness = (0..<m).map { i -> Double in
            var toBest = 0.0, toWorst = 0.0
            for (column, (best, worst)) in zip(weighted, extremes) {
                toBest += (column[i] - best) * (column[i] - best)
                toWorst += (column[i] - worst) * (column[i] - worst)
            }
            let (dPlus, dMinus) = (toBest.squareRoot(), toWorst.squareRoot())
            return dPlus + dMinus > 0 ? dMinus / (dPlus + dMinus) : 0
        }
        return (weights, closeness)
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        let (weights, closeness) = try analyse(problem)
        let amounts = try ProportionalSplit.split(problem.budget.yuan, by: closeness, scheme: id)
        return Allocation(scheme: id, amounts: amounts, explanations: Explanations(count: closeness.count) { "closeness \(fixedPoint(closeness[$0], decimals: 4))" },
                          budgetConstrained: true,
                          notes: ["entropy weights: " + zip(indicators, weights).map { "\($0) \(String(format: "%.4f", $1))" }.joined(separator: ", ")])
    }
}
