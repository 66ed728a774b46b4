import CLapack

extension Matrix {
    /// Solves A·X = B for a symmetric positive-definite A (`self`) by Cholesky factorisation A = Uᵀ·U
    /// (LAPACK `dposv`), about half the work of ``solve(_:)-(Matrix)``.
    ///
    /// - Complexity: O(n³ / 3) for the factorisation.
    /// - Throws: ``LinearAlgebraError/notSymmetric(routine:)`` when A is not symmetric;
    ///   ``LinearAlgebraError/notPositiveDefinite(routine:info:)`` when a leading minor is not positive;
    ///   ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when the shapes disagree.
    public func choleskySolve(_ rightHandSides: Matrix) throws -> Matrix {
        let routine = "dposv"
        try requireSolvable(routine, rightHandSides)
        try requireFinite(routine, self, rightHandSides)
        guard isSymmetric() else { throw LinearAlgebraError.notSymmetric(routine: routine) }
        if rows == 0 { return rightHandSides }
        var a = storage
        var b = rightHandSides.storage
        let n = lapackInt(rows)
        let info = LAPACKE_dposv(columnMajorLayout, lapackJob("U"), n, lapackInt(rightHandSides.columns),
                                 &a, n, &b, n)
        try checkArguments(routine, info)
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(routine: routine, info: Int(info)) }
        return Matrix(rows: rows, columns: rightHandSides.columns, columnMajor: b)
    }

    /// Solves A·x = b for one right-hand side; see ``choleskySolve(_:)-(Matrix)``.
    public func choleskySolve(_ rightHandSide: [Double]) throws -> [Double] {
        try choleskySolve(Matrix(column: rightHandSide)).storage
    }
}
