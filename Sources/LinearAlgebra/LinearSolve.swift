import CLapack

extension Matrix {
    /// Solves A·X = B for X, where A is `self`, by LU factorisation with partial pivoting (LAPACK `dgesv`).
    ///
    /// - Parameter rightHandSides: B, with as many rows as A; each column is one right-hand side.
    /// - Complexity: O(n³) for the factorisation, O(n²) per right-hand side.
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when A is not square or B has the wrong
    ///   number of rows; ``LinearAlgebraError/singular(routine:info:)`` when A is exactly singular;
    ///   ``LinearAlgebraError/nonFiniteInput(routine:)`` for NaN or infinite entries.
    public func solve(_ rightHandSides: Matrix) throws -> Matrix {
        let routine = "dgesv"
        try requireSolvable(routine, rightHandSides)
        try requireFinite(routine, self, rightHandSides)
        if rows == 0 { return rightHandSides }
        var a = storage
        var b = rightHandSides.storage
        var pivots = [LapackInt](repeating: 0, count: rows)
        let n = lapackInt(rows)
        let info = LAPACKE_dgesv(columnMajorLayout, n, lapackInt(rightHandSides.columns),
                                 &a, n, &pivots, &b, n)
        try checkArguments(routine, info)
        if info > 0 { throw LinearAlgebraError.singular(routine: routine, info: Int(info)) }
        return Matrix(rows: rows, columns: rightHandSides.columns, columnMajor: b)
    }

    /// Solves A·x = b for one right-hand side; see ``solve(_:)-(Matrix)``.
    public func solve(_ rightHandSide: [Double]) throws -> [Double] {
        try solve(Matrix(column: rightHandSide)).storage
    }
}
