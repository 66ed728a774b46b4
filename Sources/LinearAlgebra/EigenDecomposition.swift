import CLapack

/// Eigenvalues and right eigenvectors of a real square matrix, as computed by LAPACK `dgeev`.
///
/// Eigenvalues come in LAPACK's order (not sorted); complex ones come in conjugate pairs. Each eigenvector has
/// Euclidean norm 1 and its largest component real, as LAPACK normalises them.
public struct EigenDecomposition: Sendable, Equatable {
    /// The eigenvalues λ₁ … λₙ.
    public let values: [ComplexNumber]
    /// `vectors[k]` is the right eigenvector of `values[k]`: A·v = λ·v.
    public let vectors: [[ComplexNumber]]

    /// The index of the eigenvalue of largest modulus (the dominant, or Perron, eigenvalue of a positive matrix).
    public var dominantIndex: Int {
        values.indices.max { values[$0].magnitude < values[$1].magnitude } ?? 0
    }

    /// The eigenvector at `index` as real numbers, or nil when the eigenvalue is complex.
    public func realVector(at index: Int) -> [Double]? {
        guard values[index].isReal else { return nil }
        return vectors[index].map(\.real)
    }
}

extension Matrix {
    /// The eigenvalues and right eigenvectors of a real square matrix (LAPACK `dgeev`, Hessenberg QR).
    ///
    /// - Complexity: O(n³).
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when the matrix is not square;
    ///   ``LinearAlgebraError/noConvergence(routine:info:)`` when the QR algorithm fails to find all eigenvalues;
    ///   ``LinearAlgebraError/nonFiniteInput(routine:)`` for NaN or infinite entries.
    public func eigenDecomposition() throws -> EigenDecomposition {
        let routine = "dgeev"
        try requireSquare(routine)
        try requireFinite(routine, self)
        let n = rows
        if n == 0 { return EigenDecomposition(values: [], vectors: []) }
        var a = storage
        var realParts = [Double](repeating: 0, count: n)
        var imaginaryParts = [Double](repeating: 0, count: n)
        var leftUnused = [Double](repeating: 0, count: 1)
        var right = [Double](repeating: 0, count: n * n)
        let size = lapackInt(n)
        let info = LAPACKE_dgeev(columnMajorLayout, lapackJob("N"), lapackJob("V"), size, &a, size,
                                 &realParts, &imaginaryParts, &leftUnused, 1, &right, size)
        try checkArguments(routine, info)
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: routine, info: Int(info)) }

        let values = (0..<n).map { ComplexNumber(realParts[$0], imaginaryParts[$0]) }
        let column = { (j: Int) in Array(right[(j * n)..<((j + 1) * n)]) }
        var vectors: [[ComplexNumber]] = []
        var j = 0
        while j < n {
            if imaginaryParts[j] == 0 {
                vectors.append(column(j).map { ComplexNumber($0) })
                j += 1
            } else {
                // LAPACK packs a conjugate pair as v = VR(:, j) ± i·VR(:, j+1).
                let (re, im) = (column(j), column(j + 1))
                vectors.append(zip(re, im).map { ComplexNumber($0, $1) })
                vectors.append(zip(re, im).map { ComplexNumber($0, -$1) })
                j += 2
            }
        }
        return EigenDecomposition(values: values, vectors: vectors)
    }
}
