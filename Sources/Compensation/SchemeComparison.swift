import GEPCore
/// Several schemes run on one problem, side by side, with the metrics that compare them.
public struct SchemeComparison: Sendable {
    /// One scheme's allocation and its summary statistics.
    public struct Row: Sendable {
        public let allocation: Allocation
        public let summary: String
        public let gini: Double
        public let coefficientOfVariation: Double
        /// Σ compensation / Σ GEP, when every unit has a GEP.
        public let compensationToGEP: Double?
        /// Σ compensation / Σ opportunity cost, when every unit has one.
        public let compensationToOpportunityCost: Double?
        /// 元 per resident, per unit, when the unit's population is known.
        public let perCapita: [Double?]
        /// 元 per km², per unit.
        /// Nil for a unit of no area.
        public let perSquareKilometre: [Double?]
    }

    public let problem: CompensationProblem
    public let rows: [Row]
    /// Spearman's ρ between the allocations of every pair of schemes, (i, j, ρ) with i < j; nil where undefined.
    public let rankAgreement: [(first: String, second: String, rho: Double?)]

    /// Runs every scheme on `problem`.
    ///
    /// - Throws: the first scheme's error, prefixed with nothing: the error names the scheme or indicator.
    public init(problem: CompensationProblem, schemes: [any CompensationScheme]) throws {
        self.problem = problem
        let gep = try? problem.values(of: "gep")
        let opportunity = try? problem.values(of: "opportunity-cost")
        // Populations and areas gathered once for every scheme's per-unit ratios.
        let populations = problem.units.map(\.population), areas = problem.units.map { $0.area.value(in: .squareKilometre) }
        // Schemes are independent: each allocates and is measured on its own core; the first error in scheme order
        // is the one thrown.
        rows = try parallelMap(schemes.count) { s in
            let scheme = schemes[s]
            let allocation = try scheme.allocate(problem)
            guard allocation.amounts.count == problem.units.count, allocation.explanations.count == problem.units.count else {
                throw CompensationError.shapeMismatch("\(allocation.scheme): \(allocation.amounts.count) amounts and \(allocation.explanations.count) explanations for \(problem.units.count) units")
            }
            // Amounts are money paid out: not negative, and no larger than the largest budget a problem may have,
            // whatever the scheme. A rate of 10³⁰⁰ 元/亩 gives finite amounts whose squares (in the coefficient of
            // variation) and sums overflow: the fuzzer printed CV = inf before this bound.
            for (amount, unit) in zip(allocation.amounts, problem.units) where !(amount >= 0 && amount <= CompensationProblem.largestBudgetYuan) {
                throw CompensationError.invalidIndicator("\(allocation.scheme) amount", unit: unit.id, value: amount,
                                                         expected: "a non-negative amount of at most 1e15 元")
            }
            let total = allocation.total
            return Row(
                allocation: allocation, summary: scheme.summary,
                gini: AllocationMetrics.gini(allocation.amounts),
                coefficientOfVariation: AllocationMetrics.coefficientOfVariation(allocation.amounts),
                compensationToGEP: gep.flatMap { finiteRatio(total, $0.reduce(0, +)) },
                compensationToOpportunityCost: opportunity.flatMap { finiteRatio(total, $0.reduce(0, +)) },
                perCapita: zip(allocation.amounts, populations).map { amount, population in population.flatMap { finiteRatio(amount, $0) } },
                perSquareKilometre: zip(allocation.amounts, areas).map { finiteRatio($0, $1) })
        }
        // Each allocation ranked once, not once for every pair it is in.
        let rows = rows
        let ranks = parallelMap(rows.count) { AllocationMetrics.ranks(rows[$0].allocation.amounts) }
        var agreement: [(String, String, Double?)] = []
        for i in rows.indices {
            for j in rows.indices where j > i {
                agreement.append((rows[i].allocation.scheme, rows[j].allocation.scheme, AllocationMetrics.correlation(ofRanks: ranks[i], ranks[j])))
            }
        }
        rankAgreement = agreement
    }
}
