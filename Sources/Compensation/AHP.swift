import GEPCore
import LinearAlgebra

/// Analytic hierarchy process weights from a pairwise comparison matrix (Saaty 1980): the normalised principal
/// eigenvector, with the consistency ratio that says whether the judgements hang together.
///
/// For an n × n positive reciprocal matrix A (aᵢⱼ on the 1–9 scale, aⱼᵢ = 1/aᵢⱼ, aᵢᵢ = 1):
/// - weights w: the eigenvector of λ_max (LAPACK `dgeev`), scaled to sum to 1;
/// - CI = (λ_max − n)/(n − 1), CR = CI / RI(n), with Saaty's random index RI below; judgements are accepted only when
///   CR < 0.1. For n ≤ 2, RI = 0 and any reciprocal matrix is consistent (CR = 0).
public struct AHP: Sendable, Equatable {
    /// Saaty's random consistency index RI(n) for n = 1…15 (Saaty, The Analytic Hierarchy Process, 1980; the table
    /// used by most public implementations). Indexed by n explicitly: `randomIndex[n]`.
    public static let randomIndex: [Int: Double] = [
        1: 0, 2: 0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49,
        11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59,
    ]
    /// Saaty's acceptance threshold for the consistency ratio.
    public static let consistencyThreshold = 0.1

    /// Normalised weights, summing to 1.
    public let weights: [Double]
    /// The principal eigenvalue λ_max (≥ n for a positive reciprocal matrix).
    public let lambdaMax: Double
    /// Consistency index (λ_max − n)/(n − 1).
    public let consistencyIndex: Double
    /// Consistency ratio CI / RI(n).
    public let consistencyRatio: Double

    /// - Throws: ``CompensationError/invalidPairwiseMatrix(_:)`` for a matrix that is not square, positive and
    ///   reciprocal or larger than 15 × 15; ``CompensationError/inconsistentJudgements(consistencyRatio:threshold:)``
    ///   when CR ≥ 0.1 and `allowInconsistent` is false; LAPACK errors from `dgeev`.
    public init(pairwise matrix: Matrix, allowInconsistent: Bool = false) throws {
        let n = matrix.rows
        guard matrix.isSquare, n >= 1 else { throw CompensationError.invalidPairwiseMatrix("expected a square matrix, got \(matrix.rows)×\(matrix.columns)") }
        guard let ri = AHP.randomIndex[n] else { throw CompensationError.invalidPairwiseMatrix("n = \(n); the random index table covers 1–15") }
        for i in 0..<n {
            guard abs(matrix[i, i] - 1) <= 1e-9 else { throw CompensationError.invalidPairwiseMatrix("diagonal entry (\(i + 1), \(i + 1)) is \(matrix[i, i]); expected 1") }
            for j in 0..<n {
                guard matrix[i, j] > 0, matrix[i, j].isFinite else {
                    throw CompensationError.invalidPairwiseMatrix("entry (\(i + 1), \(j + 1)) is \(matrix[i, j]); expected a positive judgement")
                }
                guard abs(matrix[i, j] * matrix[j, i] - 1) <= 1e-3 else {
                    throw CompensationError.invalidPairwiseMatrix("entries (\(i + 1), \(j + 1)) and (\(j + 1), \(i + 1)) are \(matrix[i, j]) and \(matrix[j, i]); expected reciprocals")
                }
            }
        }
        let eigen = try matrix.eigenDecomposition()
        let k = eigen.dominantIndex
        guard let vector = eigen.realVector(at: k) else { throw CompensationError.invalidPairwiseMatrix("the principal eigenvalue is complex") }
        let sum = vector.reduce(0, +)
        weights = vector.map { $0 / sum }
        lambdaMax = eigen.values[k].real
        consistencyIndex = n > 1 ? (lambdaMax - Double(n)) / Double(n - 1) : 0
        consistencyRatio = ri > 0 ? consistencyIndex / ri : 0
        if consistencyRatio >= AHP.consistencyThreshold && !allowInconsistent {
            throw CompensationError.inconsistentJudgements(consistencyRatio: consistencyRatio, threshold: AHP.consistencyThreshold)
        }
    }
}

/// Budget split by an AHP-weighted composite index: Cᵢ = Σⱼ wⱼ · rᵢⱼ and Sᵢ = B · Cᵢ.
///
/// Each indicator is normalised to shares that sum to 1 over the units (rᵢⱼ = xᵢⱼ / Σₖ xₖⱼ for a benefit indicator,
/// (maxₖ xₖⱼ − xᵢⱼ) / Σₖ (maxₖ xₖⱼ − xₖⱼ) for a cost indicator), so the composite shares sum to 1 and the amounts to B.
public struct AHPScheme: CompensationScheme {
    public let id = "ahp"
    public let summary = "AHP-weighted composite of normalised indicators (weights from the principal eigenvector)"
    public let indicators: [String]
    public let pairwise: Matrix
    /// Accept judgements with CR ≥ 0.1 (reported in the notes) instead of refusing them.
    public let allowInconsistent: Bool

    public init(indicators: [String], pairwise: Matrix, allowInconsistent: Bool = false) {
        self.indicators = indicators
        self.pairwise = pairwise
        self.allowInconsistent = allowInconsistent
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        guard pairwise.rows == indicators.count else {
            throw CompensationError.shapeMismatch("ahp: \(indicators.count) indicators but a \(pairwise.rows)×\(pairwise.columns) pairwise matrix")
        }
        let ahp = try AHP(pairwise: pairwise, allowInconsistent: allowInconsistent)
        let shares = try indicators.map { try IndicatorNormalisation.shares(problem, $0, scheme: id) }
        let composite = problem.units.indices.map { i in zip(ahp.weights, shares).reduce(0) { $0 + $1.0 * $1.1[i] } }
        let amounts = try ProportionalSplit.split(problem.budget.yuan, by: composite, scheme: id)
        let weightText = zip(indicators, ahp.weights).map { "\($0) \(String(format: "%.4f", $1))" }.joined(separator: ", ")
        return Allocation(scheme: id, amounts: amounts, explanations: Explanations(count: composite.count) { "composite index \(fixedPoint(composite[$0], decimals: 4))" },
                          budgetConstrained: true, notes: [
                            "weights: \(weightText)",
                            "λmax = \(String(format: "%.4f", ahp.lambdaMax)), CI = \(String(format: "%.4f", ahp.consistencyIndex)), CR = \(String(format: "%.4f", ahp.consistencyRatio)) (Saaty RI table)\(ahp.consistencyRatio >= AHP.consistencyThreshold ? "; inconsistent judgements accepted explicitly" : "")",
                          ])
    }
}

/// Normalisations shared by the composite-index schemes.
enum IndicatorNormalisation {
    /// Shares summing to 1 over the units, reversed for a cost indicator.
    static func shares(_ problem: CompensationProblem, _ key: String, scheme: String) throws -> [Double] {
        let values = try problem.values(of: key)
        for (unit, value) in zip(problem.units, values) where !value.isFinite {
            throw CompensationError.invalidIndicator(key, unit: unit.id, value: value, expected: "a finite number")
        }
        let oriented: [Double]
        switch problem.direction(of: key) {
        case .benefit:
            if let (unit, value) = zip(problem.units, values).first(where: { $0.1 < 0 }) {
                throw CompensationError.invalidIndicator(key, unit: unit.id, value: value, expected: "a non-negative value for a benefit indicator")
            }
            oriented = values
        case .cost:
            let largest = values.reduce(-Double.infinity, max)
            oriented = values.map { largest - $0 }
        }
        let total = oriented.reduce(0, +)
        guard total > 0 else { throw CompensationError.degenerateWeights(scheme: scheme, detail: "indicator \"\(key)\" does not vary between units") }
        return oriented.map { $0 / total }
    }

    /// Min–max normalisation to [0, 1], reversed for a cost indicator.
    static func minMax(_ problem: CompensationProblem, _ key: String) throws -> [Double] {
        let values = try problem.values(of: key)
        let (low, high) = (values.reduce(Double.infinity, min), values.reduce(-Double.infinity, max))
        guard high > low else { return values.map { _ in 0 } }
        switch problem.direction(of: key) {
        case .benefit: return values.map { ($0 - low) / (high - low) }
        case .cost: return values.map { (high - $0) / (high - low) }
        }
    }
}
