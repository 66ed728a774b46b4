/// Inequality and rank statistics for comparing allocations.
public enum AllocationMetrics {
    /// Gini coefficient G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ): 0 when every unit gets the same, (n − 1)/n when one gets all.
    /// Zero for an all-zero allocation.
    ///
    /// Computed from the sorted amounts x₍₁₎ ≤ … ≤ x₍ₙ₎ as G = Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n · Σx), which equals the
    /// mean-difference form Σᵢ Σⱼ |xᵢ − xⱼ| / (2n²μ) (Damgaard & Weiner 2000, Ecology 81: 1139–1142, eq. 2) in
    /// O(n log n) instead of O(n²): 99 ms per scheme at 10⁴ units became a sort.
    public static func gini(_ values: [Double]) -> Double {
        let n = Double(values.count)
        let total = values.reduce(0, +)
        guard total != 0 else { return 0 }
        let weighted = values.sorted().enumerated().reduce(0.0) { sum, pair in sum + (2 * Double(pair.offset + 1) - n - 1) * pair.element }
        return weighted / (n * total)
    }

    /// Coefficient of variation σ/μ with the population standard deviation. Zero for an all-zero allocation.
    ///
    /// σ/μ does not change when every amount is scaled, so the amounts are first divided by the largest: squares of
    /// amounts near 10³⁰⁰ 元 would overflow and amounts of a few 10⁻³²⁴ 元 underflow (the fuzzer found both giving
    /// CV = inf), while amounts in [0, 1] do neither.
    public static func coefficientOfVariation(_ values: [Double]) -> Double {
        let largest = values.map(abs).max() ?? 0
        guard largest > 0, largest.isFinite else { return 0 }
        let scaled = values.map { $0 / largest }
        let n = Double(scaled.count)
        let mean = scaled.reduce(0, +) / n
        guard mean != 0 else { return 0 }
        let variance = scaled.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        return variance.squareRoot() / mean
    }

    /// Ranks from 1 (smallest), ties (``tied(_:_:)``) sharing the average of their positions.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && tied(values[order[end + 1]], values[order[start]]) { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }

    /// Amounts equal to within 10⁻⁹ of their size are one rank: solvers (the optimised allocation's LAPACK calls)
    /// give units that sit at the same bound amounts that differ in the last bits, and how those bits fall depends on
    /// the BLAS build, so an exact comparison ranks ties differently on different machines.
    static func tied(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }

    /// Spearman's rank correlation: the Pearson correlation of the ranks (ties averaged). Nil when either allocation
    /// gives every unit the same rank, where the correlation is undefined.
    public static func spearman(_ a: [Double], _ b: [Double]) -> Double? {
        precondition(a.count == b.count, "spearman: allocations of different lengths")
        return correlation(ofRanks: ranks(a), ranks(b))
    }

    /// The Pearson correlation of two rank vectors (``ranks(_:)``): Spearman's ρ when the ranks are computed once for
    /// many pairs. Nil when either has every rank equal.
    public static func correlation(ofRanks ra: [Double], _ rb: [Double]) -> Double? {
        precondition(ra.count == rb.count, "spearman: allocations of different lengths")
        let n = Double(ra.count)
        let (ma, mb) = (ra.reduce(0, +) / n, rb.reduce(0, +) / n)
        var (sab, saa, sbb) = (0.0, 0.0, 0.0)
        for (x, y) in zip(ra, rb) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        guard saa > 0, sbb > 0 else { return nil }
        return sab / (saa * sbb).squareRoot()
    }
}
