import GEPCore
import Foundation

/// Budget split in proportion to one indicator: the GEP-share and opportunity-cost schemes.
///
/// - GEP share: Sᵢ = B · GEPᵢ / Σⱼ GEPⱼ (value-based compensation; formulas-and-prices.md §2.1).
/// - Opportunity cost: Sᵢ = B · OCᵢ / Σⱼ OCⱼ, the forgone income that conservation costs each unit; Chinese practice
///   treats it as the lower bound of a compensation standard (柳荻, 胡振通, 靳乐山 2018, 生态学报 38(2): 380–392).
public struct IndicatorShareScheme: CompensationScheme {
    public let id: String
    public let summary: String
    /// The indicator whose shares split the budget.
    public let indicator: String

    public init(id: String, indicator: String, summary: String) {
        self.id = id
        self.indicator = indicator
        self.summary = summary
    }

    /// Sᵢ = B · GEPᵢ / Σ GEP.
    public static let gepShare = IndicatorShareScheme(id: "gep-share", indicator: "gep", summary: "budget split in proportion to each unit's GEP")
    /// Sᵢ = B · OCᵢ / Σ OC.
    public static let opportunityCost = IndicatorShareScheme(
        id: "opportunity-cost", indicator: "opportunity-cost", summary: "budget split in proportion to each unit's forgone income")

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        let (values, amounts) = try split(problem)
        let total = values.reduce(0, +), totalText = sixFigures(total), indicator = indicator
        return Allocation(scheme: id, amounts: amounts, explanations: Explanations(count: values.count) { i in
            "\(indicator) \(sixFigures(values[i])) of \(totalText) = \(fixedPoint(values[i] / total * 100, decimals: 2)) % of the budget"
        }, budgetConstrained: true)
    }

    public func amounts(_ problem: CompensationProblem) throws -> [Double] { try split(problem).amounts }

    /// The indicator's values, checked, and the budget split by them.
    private func split(_ problem: CompensationProblem) throws -> (values: [Double], amounts: [Double]) {
        let values = try problem.values(of: indicator)
        for (unit, value) in zip(problem.units, values) where !(value >= 0 && value.isFinite) {
            throw CompensationError.invalidIndicator(indicator, unit: unit.id, value: value, expected: "a non-negative amount")
        }
        return (values, try ProportionalSplit.split(problem.budget.yuan, by: values, scheme: id))
    }
}

/// Budget split in proportion to each unit's GEP increase over the previous year: Sᵢ = B · max(ΔGEPᵢ, 0) / Σⱼ max(ΔGEPⱼ, 0).
///
/// Rewards improvement rather than stock, as GEP-based assessment asks (the Manzhouli and Genhe plans use GEP change in
/// official appraisal). Units whose GEP fell receive nothing and are named in the explanation. Both years must be at
/// the same (constant) prices.
public struct GEPIncrementScheme: CompensationScheme {
    public let id = "gep-increment"
    public let summary = "budget split in proportion to each unit's year-over-year GEP increase (constant prices)"
    public let current: String
    public let previous: String

    public init(current: String = "gep", previous: String = "gep-previous") {
        self.current = current
        self.previous = previous
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        let now = try problem.values(of: current)
        let before = try problem.values(of: previous)
        let increments = zip(now, before).map { $0 - $1 }
        let amounts = try ProportionalSplit.split(problem.budget.yuan, by: increments.map { max($0, 0) }, scheme: id)
        return Allocation(scheme: id, amounts: amounts, explanations: Explanations(count: increments.count) { i in
            increments[i] > 0 ? "GEP rose by \(sixFigures(increments[i]))" : "GEP changed by \(sixFigures(increments[i])): no increment, no share"
        }, budgetConstrained: true)
    }
}
