import GEPCore

/// Each unit's GEP now and in the previous year (`gep`, `gep-previous`, at the same constant prices) and its real
/// growth in percent (``realGrowthPercent(_:over:)``): what every growth scheme starts from.
///
/// - Throws: ``CompensationError/invalidIndicator(_:unit:value:expected:)`` for a previous GEP that is not positive.
func growthInputs(_ problem: CompensationProblem, current: String, previous: String) throws -> (now: [Double], before: [Double], percent: [Double]) {
    let now = try problem.values(of: current), before = try problem.values(of: previous)
    for (unit, value) in zip(problem.units, before) where !(value > 0 && value.isFinite) {
        throw CompensationError.invalidIndicator(previous, unit: unit.id, value: value, expected: "a positive GEP for the previous year (growth is measured on it)")
    }
    return (now, before, zip(now, before).map { realGrowthPercent($0, over: $1) })
}

/// A green subsidy of ranked bands with fixed amounts: units ranked by real GEP growth (fastest first, ties in unit
/// order), or by a scorecard's weighted score (``Scorecard``, on real growth and GEP per km²), fill the bands in turn
/// (the first `count` units get the first band's amount, and so on; units beyond the last band get nothing).
///
/// Within the budget: when the bands' amounts sum above it, every amount is scaled by B / Σ (and the notes say so);
/// when below, the rest is unspent and `budgetConstrained` is false, as a rule of fixed amounts should.
public struct BandedRewardScheme: CompensationScheme {
    /// One band: how many ranked units it holds and what each receives (元, at the budget's price year).
    public struct Band: Sendable, Hashable {
        public let count: Int
        public let amount: Double
        public init(count: Int, amount: Double) {
            self.count = count
            self.amount = amount
        }
    }

    /// What orders the units.
    public enum Ranking: Sendable {
        case realGrowth
        /// A scorecard's score over weighted indicators (real growth and GEP per km²; the compensation problem holds
        /// each unit's total GEP, not its services, so shares cannot be weighed here).
        case scorecard([(Scorecard.Indicator, Double)])
    }

    public let id = "banded-reward"
    public let summary: String
    public let bands: [Band]
    public let ranking: Ranking
    public let current: String
    public let previous: String

    public init(bands: [Band], ranking: Ranking = .realGrowth, current: String = "gep", previous: String = "gep-previous") {
        self.bands = bands
        self.ranking = ranking
        self.current = current
        self.previous = previous
        switch ranking {
        case .realGrowth: summary = "green subsidy: fixed amounts by band of real GEP growth rank, within the budget"
        case let .scorecard(weights):
            summary = "green subsidy: fixed amounts by band of scorecard rank (" + weights.map { "\(sixFigures($0.1)) × \($0.0)" }.joined(separator: " + ") + "), within the budget"
        }
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        let (now, before, growth) = try growthInputs(problem, current: current, previous: previous)
        let key: [Double]
        switch ranking {
        case .realGrowth: key = growth
        case let .scorecard(weights):
            let units = problem.units.indices.map { i in
                Scorecard.UnitYears(id: problem.units[i].id, area: problem.units[i].area, gepByService: [current: now[i]], previousGEPByService: [current: before[i]])
            }
            do { key = try Scorecard(units: units, weights: weights).rows.map(\.score) } catch let error as AppraisalError {
                throw CompensationError.degenerateWeights(scheme: id, detail: String(describing: error))
            }
        }
        let order = key.indices.sorted { key[$0] > key[$1] || (key[$0] == key[$1] && $0 < $1) }
        var amounts = [Double](repeating: 0, count: growth.count)
        var bandOf = [Int?](repeating: nil, count: growth.count)
        var next = 0
        for (b, band) in bands.enumerated() {
            for unit in order.dropFirst(next).prefix(band.count) {
                amounts[unit] = band.amount
                bandOf[unit] = b
            }
            next += band.count
        }
        let total = amounts.reduce(0, +), budget = problem.budget.yuan
        var notes: [String] = []
        let scaled = total > budget
        if scaled {
            amounts = amounts.map { $0 * budget / total }
            notes.append("the bands' amounts sum to \(sixFigures(total)) 元, above the budget: each is scaled by \(sixFigures(budget / total))")
        } else if total < budget {
            notes.append("the bands pay \(sixFigures(total)) 元; \(sixFigures(budget - total)) 元 of the budget is unspent")
        }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) }), bands = bandOf
        return Allocation(scheme: id, amounts: amounts, explanations: Explanations(count: growth.count) { i in
            let head = "real growth \(String(format: "%+.2f %%", growth[i])), rank \(rank[i] ?? 0)"
            return bands[i].map { "\(head): band \($0 + 1)" } ?? "\(head): in no band"
        }, budgetConstrained: scaled || total == budget, notes: notes)
    }
}

/// A green subsidy with a penalty for decline: a base scheme's allocation, cut for every unit whose real GEP fell,
/// by `penaltyPerPoint` of its amount for each percentage point of decline (at most all of it):
///
///     cutᵢ = Aᵢ · min(1, k · max(−gᵢ, 0)),   Sᵢ = Aᵢ − cutᵢ + (Σⱼ cutⱼ) · Aᵢ / Σ_{ℓ: gℓ ≥ 0} Aℓ  for gᵢ ≥ 0
///
/// The money withheld goes to the units that did not decline, in proportion to their base amounts, so the budget is
/// spent in full; when every unit declined, the withheld money is unspent and the notes say so.
public struct DeclinePenaltyScheme: CompensationScheme {
    public let id = "decline-penalty"
    public let summary: String
    public let base: any CompensationScheme
    /// k, the fraction of the base amount withheld per percentage point of decline (0.04 for 4 %).
    public let penaltyPerPoint: Double
    public let current: String
    public let previous: String

    public init(base: any CompensationScheme, penaltyPerPoint: Double, current: String = "gep", previous: String = "gep-previous") {
        self.base = base
        self.penaltyPerPoint = penaltyPerPoint
        self.current = current
        self.previous = previous
        self.summary = "green subsidy: \(base.id), less \(sixFigures(penaltyPerPoint * 100)) % per point of real GEP decline, given to the units that did not decline"
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        let growth = try growthInputs(problem, current: current, previous: previous).percent
        let start = try base.allocate(problem).amounts
        let cuts = zip(start, growth).map { amount, g in amount * min(1, penaltyPerPoint * max(-g, 0)) }
        let withheld = cuts.reduce(0, +)
        let receivers = start.indices.filter { growth[$0] >= 0 }
        let receiving = receivers.reduce(0) { $0 + start[$1] }
        var amounts = zip(start, cuts).map { $0 - $1 }
        var notes = ["base: \(base.id); \(sixFigures(withheld)) 元 withheld for decline"]
        if withheld > 0, receiving > 0 {
            for i in receivers { amounts[i] += withheld * start[i] / receiving }
        } else if withheld > 0 {
            notes.append("no unit held its GEP: the \(sixFigures(withheld)) 元 withheld is unspent")
        }
        let baseID = base.id, finalAmounts = amounts
        return Allocation(scheme: id, amounts: amounts, explanations: Explanations(count: growth.count) { i in
            let head = "\(baseID) \(sixFigures(start[i])), real growth \(String(format: "%+.2f %%", growth[i]))"
            return cuts[i] > 0 ? "\(head): cut by \(sixFigures(cuts[i]))" : "\(head): no decline, allocated \(sixFigures(finalAmounts[i]))"
        }, budgetConstrained: withheld == 0 || receiving > 0, notes: notes)
    }
}
