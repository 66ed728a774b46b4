import CLapack

/// Eigenvalues and orthonormal eigenvectors of a real symmetric matrix, as computed by LAPACK `dsyev`.
public struct SymmetricEigenDecomposition: Sendable, Equatable {
    /// The eigenvalues in ascending order.
    public let values: [Double]
    /// Column k is the unit eigenvector of `values[k]`; the columns are orthonormal.
    public let vectors: Matrix
}

extension Matrix {
    /// Whether the matrix is square and equal to its transpose within `relativeTolerance` of its largest entry.
    public func isSymmetric(relativeTolerance: Double = 1e-12) -> Bool {
        guard isSquare else { return false }
        let scale = storage.reduce(0) { max($0, abs($1)) }
        for j in 0..<columns {
            for i in 0..<j where abs(self[i, j] - self[j, i]) > relativeTolerance * scale { return false }
        }
        return true
    }

    /// The eigen-decomposition of a real symmetric matrix (LAPACK `dsyev`, tridiagonal QR).
    ///
    /// - Complexity: O(n³).
    /// - Throws: ``LinearAlgebraError/notSymmetric(routine:)`` when the matrix is not symmetric (LAPACK would read
    ///   only one triangle and silently answer a different question); ``LinearAlgebraError/noConvergence(routine:info:)``
    ///   when the QR iteration fails.
    public func symmetricEigenDecomposition() throws -> SymmetricEigenDecomposition {
        let routine = "dsyev"
        try requireSquare(routine)
        try requireFinite(routine, self)
        guard isSymmetric() else { throw LinearAlgebraError.notSymmetric(routine: routine) }
        if rows == 0 { return SymmetricEigenDecomposition(values: [], vectors: self) }
        var a = storage
        var values = [Double](repeating: 0, count: rows)
        let n = lapackInt(rows)
        let info = LAPACKE_dsyev(columnMajorLayout, lapackJob("V"), lapackJob("U"), n, &a, n, &values)
        try checkArguments(routine, info)
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: routine, info: Int(info)) }
        return SymmetricEigenDecomposition(values: values, vectors: Matrix(rows: rows, columns: rows, columnMajor: a))
    }
}
