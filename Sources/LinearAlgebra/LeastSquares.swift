import CLapack

/// The solution of an ordinary least-squares problem min ‖b − A·x‖₂.
public struct LeastSquaresSolution: Sendable, Equatable {
    /// The minimiser x, one entry per column of A.
    public let solution: [Double]
    /// ‖b − A·x‖₂², the residual sum of squares (zero when A is square).
    public let residualSumOfSquares: Double
}

extension Matrix {
    /// Solves min ‖b − A·x‖₂ for an overdetermined, full-column-rank A (`self`) by QR (LAPACK `dgels`).
    ///
    /// - Parameter observations: b, one entry per row of A.
    /// - Complexity: O(m·n²) for an m × n matrix.
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when b's length differs from A's rows or A has
    ///   more columns than rows; ``LinearAlgebraError/rankDeficient(routine:info:detail:)`` when A lacks full
    ///   column rank (a zero or negligible diagonal entry in R).
    public func leastSquares(_ observations: [Double]) throws -> LeastSquaresSolution {
        let routine = "dgels"
        guard observations.count == rows else {
            throw LinearAlgebraError.shapeMismatch(
                routine: routine, detail: "A has \(rows) rows but b has \(observations.count) entries")
        }
        guard columns <= rows else {
            throw LinearAlgebraError.shapeMismatch(
                routine: routine, detail: "A is \(rows)×\(columns): fewer observations than unknowns")
        }
        try requireFinite(routine, self, Matrix(column: observations))
        guard columns > 0 else {
            return LeastSquaresSolution(solution: [], residualSumOfSquares: observations.reduce(0) { $0 + $1 * $1 })
        }
        var a = storage
        var b = observations
        let m = lapackInt(rows)
        let info = LAPACKE_dgels(columnMajorLayout, lapackJob("N"), m, lapackInt(columns), 1, &a, m, &b, m)
        try checkArguments(routine, info)
        let diagonal = (0..<columns).map { a[$0 + $0 * rows] }
        if info > 0 || isNumericallyRankDeficient(diagonal: diagonal, dimensions: rows) {
            throw LinearAlgebraError.rankDeficient(
                routine: routine, info: max(Int(info), 1), detail: "A does not have full column rank")
        }
        let residuals = b[columns...]
        return LeastSquaresSolution(solution: Array(b[..<columns]),
                                    residualSumOfSquares: residuals.reduce(0) { $0 + $1 * $1 })
    }
}
