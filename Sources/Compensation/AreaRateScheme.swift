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
        let regimes = problem.regimeAreas.sorted { $0.key < $1.key }
        var amounts: [Double] = [], explanations: [String] = []
        amounts.reserveCapacity(problem.units.count)
        explanations.reserveCapacity(problem.units.count)
        for (i, unit) in problem.units.enumerated() {
            var amount = 0.0
            var parts: [String] = []
            for (regime, areas) in regimes {
                guard let area = areas[i] else { continue }
                guard let rate = rates[regime] else {
                    throw CompensationError.missingIndicator("rate for regime \(regime)", unit: unit.id)
                }
                amount += rate.value(of: area).yuan
                parts.append("\(regime) \(sixFigures(area.value(in: rate.unit))) \(rate.unit.symbol) × \(sixFigures(rate.yuanPerQuotedUnit)) 元/\(rate.unit.symbol)")
            }
            amounts.append(amount)
            explanations.append(parts.isEmpty ? "no area under a compensated regime" : parts.joined(separator: " + "))
        }
        let total = amounts.reduce(0, +)
        let gap = total - problem.budget.yuan
        return Allocation(scheme: id, amounts: amounts, explanations: explanations, budgetConstrained: false, notes: [
            "rates cost \(sixFigures(total)) 元, \(gap >= 0 ? "\(sixFigures(gap)) 元 over" : "\(sixFigures(-gap)) 元 under") the budget of \(sixFigures(problem.budget.yuan)) 元",
        ])
    }
}
