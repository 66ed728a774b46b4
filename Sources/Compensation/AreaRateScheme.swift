import GEPCore

/// Compensation at a rate per area of each management regime: Sᵢ = Σ_k r_k · A_ik.
///
/// The grassland ecological protection subsidy and reward works this way: 禁牧 (grazing ban) at 7.5 元/亩/a and
/// 草畜平衡 (forage–livestock balance) at 2.5 元/亩/a in the 2nd and 3rd rounds (2016–2025; Inner Mongolia government
/// policy explainer, Feb 2023). The amounts are what the rates cost, not a share of the budget; the notes say by how
/// much they exceed or fall short of it.
public struct AreaRateScheme: CompensationScheme {
    public let id = "area-rates"
    public let summary = "a rate per area of each management regime (e.g. 禁牧 7.5 元/亩, 草畜平衡 2.5 元/亩)"
    /// 元 per area, by regime key.
    public let rates: [String: UnitPrice<Area>]

    public init(rates: [String: UnitPrice<Area>]) {
        self.rates = rates
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        // Every area a unit holds must have its rate: the first unit holding an unpriced regime is named (the first
        // such regime by key).
        let regimes = problem.regimeAreas.sorted { $0.key < $1.key }
        let unpriced = regimes.compactMap { regime, areas in rates[regime] == nil ? areas.firstIndex { $0 != nil }.map { (regime, $0) } : nil }
        if let (regime, i) = unpriced.min(by: { $0.1 < $1.1 }) {
            throw CompensationError.missingIndicator("rate for regime \(regime)", unit: problem.units[i].id)
        }
        let priced = regimes.compactMap { regime, areas in rates[regime].map { (regime: regime, areas: areas, rate: $0) } }
        let amounts = problem.units.indices.map { i in
            priced.reduce(0.0) { sum, regime in sum + (regime.areas[i].map { regime.rate.value(of: $0).yuan } ?? 0) }
        }
        let explanations = Explanations(count: amounts.count) { i in
            let parts = priced.compactMap { regime, areas, rate in
                areas[i].map { "\(regime) \(sixFigures($0.value(in: rate.unit))) \(rate.unit.symbol) × \(sixFigures(rate.yuanPerQuotedUnit)) 元/\(rate.unit.symbol)" }
            }
            return parts.isEmpty ? "no area under a compensated regime" : parts.joined(separator: " + ")
        }
        let total = amounts.reduce(0, +)
        let gap = total - problem.budget.yuan
        return Allocation(scheme: id, amounts: amounts, explanations: explanations, budgetConstrained: false, notes: [
            "rates cost \(sixFigures(total)) 元, \(gap >= 0 ? "\(sixFigures(gap)) 元 over" : "\(sixFigures(-gap)) 元 under") the budget of \(sixFigures(problem.budget.yuan)) 元",
        ])
    }
}
