/// How a scheme splits the budget: an amount per unit, in unit order, with the reason for each.
public struct Allocation: Sendable, Equatable {
    /// The scheme's id, e.g. "gep-share".
    public let scheme: String
    /// 元 per unit, in the problem's unit order, at the budget's price year.
    public let amounts: [Double]
    /// One line per unit saying how its amount was derived ("GEP 58.9 亿元 of 376.96 亿元 = 15.6 % of the budget").
    public let explanations: Explanations
    /// Whether the amounts are made to sum to the budget (area rates, for instance, are not: they cost what they cost).
    public let budgetConstrained: Bool
    /// Scheme-level facts: weights, consistency ratio, sampling error, the budget gap of a rate scheme.
    public let notes: [String]

    public init(scheme: String, amounts: [Double], explanations: Explanations, budgetConstrained: Bool, notes: [String] = []) {
        self.scheme = scheme
        self.amounts = amounts
        self.explanations = explanations
        self.budgetConstrained = budgetConstrained
        self.notes = notes
    }

    /// An allocation whose explanations are already made.
    public init(scheme: String, amounts: [Double], explanations: [String], budgetConstrained: Bool, notes: [String] = []) {
        self.init(scheme: scheme, amounts: amounts, explanations: Explanations(explanations), budgetConstrained: budgetConstrained, notes: notes)
    }

    /// The sum of the amounts.
    public var total: Double { amounts.reduce(0, +) }
}
