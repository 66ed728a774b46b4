/// A rule that splits a compensation budget between units.
///
/// ## Implementation requirements
/// - **Budget.** A budget-constrained scheme returns amounts that sum to `problem.budget` within 1e−9 relative;
///   a scheme that prices something (area rates) says `budgetConstrained: false` and reports the gap in `notes`.
/// - **Explanations.** One line per unit, in unit order, with the numbers that produced its amount.
/// - **Errors.** Missing or unusable indicators throw ``CompensationError`` naming the indicator and unit; nothing is
///   clamped or guessed silently.
/// - **Determinism.** The same problem gives the same allocation; randomised schemes take their seed as a parameter.
public protocol CompensationScheme: Sendable {
    /// The id used on the command line, e.g. "gep-share".
    var id: String { get }
    /// A short description for reports.
    var summary: String { get }
    func allocate(_ problem: CompensationProblem) throws -> Allocation
    /// The amounts of ``allocate(_:)`` without its explanations, for a scheme that builds on another's (the
    /// optimised scheme's target). The default allocates in full; a scheme whose explanations cost more than its
    /// arithmetic (one text per unit) answers directly.
    func amounts(_ problem: CompensationProblem) throws -> [Double]
}

extension CompensationScheme {
    public func amounts(_ problem: CompensationProblem) throws -> [Double] { try allocate(problem).amounts }
}

/// A scheme's input that cannot be used.
public enum CompensationError: Error, Sendable, Equatable, CustomStringConvertible {
    case noUnits
    case invalidBudget(Double)
    case missingIndicator(String, unit: String)
    case invalidIndicator(String, unit: String, value: Double, expected: String)
    case degenerateWeights(scheme: String, detail: String)
    case inconsistentJudgements(consistencyRatio: Double, threshold: Double)
    case invalidPairwiseMatrix(String)
    case infeasible(String)
    case shapeMismatch(String)
    case unknownScheme(String, known: [String])

    public var description: String {
        switch self {
        case .noUnits: return "a compensation problem needs at least one unit"
        case let .invalidBudget(value): return "budget is \(value) 元; expected a non-negative amount of at most 1e15 元"
        case let .missingIndicator(key, unit): return "unit \(unit) has no value for indicator \"\(key)\""
        case let .invalidIndicator(key, unit, value, expected):
            return "unit \(unit): indicator \"\(key)\" is \(value); expected \(expected)"
        case let .degenerateWeights(scheme, detail): return "\(scheme): \(detail)"
        case let .inconsistentJudgements(cr, threshold):
            return "AHP pairwise matrix is inconsistent: consistency ratio CR = \(String(format: "%.4f", cr)) ≥ \(threshold); revise the judgements or allow it explicitly"
        case let .invalidPairwiseMatrix(detail): return "AHP pairwise matrix: \(detail)"
        case let .infeasible(detail): return "no allocation satisfies the constraints: \(detail)"
        case let .shapeMismatch(detail): return detail
        case let .unknownScheme(id, known): return "unknown scheme \"\(id)\"; known: \(known.joined(separator: ", "))"
        }
    }
}
