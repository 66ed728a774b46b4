import GEPCore

/// A green subsidy (绿色奖补) that rewards real GEP growth above a threshold:
///
///     eᵢ = max(GEPᵢ − (1 + θ) · GEPᵢ,previous, 0),   Sᵢ = B · eᵢ / Σⱼ eⱼ
///
/// Both years are at the same constant prices, so the growth is real. The reward follows the GEP gained beyond what
/// growth at θ would have given, in 元, so a large unit growing fast earns more than a small one growing as fast:
/// the appraisal the Manzhouli plan asks for (a GEP-based assessment and green-subsidy mechanism) and the "GDP and
/// GEP both grow" goal of the Lishui pilots reward growth in value, not in rate alone. When no unit grows beyond θ
/// the fund pays nothing and the allocation says so (`budgetConstrained` is false, the gap is in the notes).
public struct GrowthRewardScheme: CompensationScheme {
    public let id = "growth-reward"
    public let summary: String
    /// θ as a fraction (0.05 for 5 %).
    public let threshold: Double
    public let current: String
    public let previous: String

    public init(threshold: Double, current: String = "gep", previous: String = "gep-previous") {
        self.threshold = threshold
        self.current = current
        self.previous = previous
        self.summary = "green subsidy: budget split by the real GEP gained beyond \(sixFigures(threshold * 100)) % growth"
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        let (now, before, growth) = try growthInputs(problem, current: current, previous: previous)
        let excess = zip(now, before).map { max($0 - (1 + threshold) * $1, 0) }
        let explanations = Explanations(count: growth.count) { i in
            let rate = String(format: "%+.2f %%", growth[i])
            return excess[i] > 0 ? "real growth \(rate): \(sixFigures(excess[i])) 元 of GEP beyond the threshold"
                                 : "real growth \(rate): not above the threshold, no reward"
        }
        guard excess.contains(where: { $0 > 0 }) else {
            return Allocation(scheme: id, amounts: excess, explanations: explanations, budgetConstrained: false,
                              notes: ["no unit grew beyond \(sixFigures(threshold * 100)) %: the budget of \(sixFigures(problem.budget.yuan)) 元 is unspent"])
        }
        let amounts = try ProportionalSplit.split(problem.budget.yuan, by: excess, scheme: id)
        return Allocation(scheme: id, amounts: amounts, explanations: explanations, budgetConstrained: true,
                          notes: ["threshold \(sixFigures(threshold * 100)) % real growth; \(excess.filter { $0 > 0 }.count) of \(excess.count) units rewarded"])
    }
}
