import CLapack

extension Matrix {
    /// Solves the equality-constrained least-squares problem
    /// min ‖c − A·x‖₂ subject to B·x = d, with A = `self` (m × n) and B (p × n), by LAPACK `dgglse`
    /// (generalised RQ factorisation).
    ///
    /// The problem has a unique solution when p ≤ n ≤ m + p, rank(B) = p and the stacked matrix [A; B] has rank n.
    ///
    /// - Parameters:
    ///   - target: c, one entry per row of A.
    ///   - constraints: B, with as many columns as A.
    ///   - constraintValues: d, one entry per row of B.
    /// - Returns: x, one entry per column of A.
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when the sizes break p ≤ n ≤ m + p or
    ///   disagree; ``LinearAlgebraError/rankDeficient(routine:info:detail:)`` with info 1 when rank(B) < p and
    ///   info 2 when rank([A; B]) < n.
    public func constrainedLeastSquares(
        target: [Double], constraints: Matrix, constraintValues: [Double]
    ) throws -> [Double] {
        let routine = "dgglse"
        let (m, n, p) = (rows, columns, constraints.rows)
        guard target.count == m else {
            throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "A has \(m) rows but c has \(target.count) entries")
        }
        guard constraints.columns == n else {
            throw LinearAlgebraError.shapeMismatch(
                routine: routine, detail: "A has \(n) columns but B has \(constraints.columns)")
        }
        guard constraintValues.count == p else {
            throw LinearAlgebraError.shapeMismatch(
                routine: routine, detail: "B has \(p) rows but d has \(constraintValues.count) entries")
        }
        guard p <= n, n <= m + p else {
            throw LinearAlgebraError.shapeMismatch(
                routine: routine, detail: "need p ≤ n ≤ m + p, got m = \(m), n = \(n), p = \(p)")
        }
        try requireFinite(routine, self, constraints, Matrix(column: target), Matrix(column: constraintValues))
        if n == 0 { return [] }
        var a = storage
        var b = constraints.storage
        var c = target
        var d = constraintValues
        var x = [Double](repeating: 0, count: n)
        let info = LAPACKE_dgglse(columnMajorLayout, lapackInt(m), lapackInt(n), lapackInt(p),
                                  &a, lapackInt(max(1, m)), &b, lapackInt(max(1, p)), &c, &d, &x)
        try checkArguments(routine, info)
        // On exit B(0..<p, n−p..<n) holds the triangular factor of B, and A(0..<n−p, 0..<n−p) that of [A; B];
        // LAPACK flags only exact zeros on their diagonals, so negligible ones are caught here.
        let bDiagonal = (0..<p).map { b[$0 + (n - p + $0) * max(1, p)] }
        let aDiagonal = (0..<(n - p)).map { a[$0 + $0 * max(1, m)] }
        let constraintRankLost = p > 0 && isNumericallyRankDeficient(diagonal: bDiagonal, dimensions: n)
        let stackedRankLost = n > p && isNumericallyRankDeficient(diagonal: aDiagonal, dimensions: m + p)
        switch constraintRankLost ? 1 : stackedRankLost ? 2 : info {
        case 1:
            throw LinearAlgebraError.rankDeficient(
                routine: routine, info: 1, detail: "the constraint matrix B does not have full row rank")
        case 2:
            throw LinearAlgebraError.rankDeficient(
                routine: routine, info: 2, detail: "the stacked matrix [A; B] does not have full column rank")
        default:
            return x
        }
    }
}
