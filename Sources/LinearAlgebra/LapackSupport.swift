import CLapack

/// The LAPACK integer for a size or leading dimension.
///
/// LAPACK counts in 32-bit `int`; a size past `Int32.max` is a programmer error, not a data error.
@inline(__always)
func lapackInt(_ value: Int) -> LapackInt {
    precondition(value >= 0 && value <= Int(LapackInt.max), "LAPACK size \(value) out of range")
    return LapackInt(value)
}

/// A LAPACK job character such as `"N"` or `"V"`.
@inline(__always)
func lapackJob(_ character: Unicode.Scalar) -> CChar {
    CChar(UInt8(ascii: character))
}

/// The column-major layout flag that every LAPACKE call in this module passes.
let columnMajorLayout = Int32(LAPACK_COL_MAJOR)

/// Throws if any operand holds NaN or infinity, before LAPACK sees it.
func requireFinite(_ routine: String, _ matrices: Matrix...) throws {
    if !matrices.allSatisfy(\.isFinite) { throw LinearAlgebraError.nonFiniteInput(routine: routine) }
}

/// Turns a negative LAPACK `info` (an argument LAPACKE refused) into a thrown error.
func checkArguments(_ routine: String, _ info: LapackInt) throws {
    if info < 0 { throw LinearAlgebraError.invalidArgument(routine: routine, argument: Int(-info)) }
}

/// Whether the diagonal entries of a triangular factor show numerical rank deficiency.
///
/// LAPACK's least-squares drivers only report an *exactly* zero diagonal entry; rounding usually leaves
/// something like 1e−16 instead. Following the usual rank rule (as in numpy's `matrix_rank`), an entry counts as
/// zero when it is at most max(m, n) · ε times the largest diagonal magnitude.
func isNumericallyRankDeficient(diagonal: [Double], dimensions: Int) -> Bool {
    let largest = diagonal.reduce(0) { max($0, abs($1)) }
    let threshold = Double(max(dimensions, 1)) * Double.ulpOfOne * largest
    return largest == 0 || diagonal.contains { abs($0) <= threshold }
}

extension Matrix {
    /// Throws unless the matrix is square.
    func requireSquare(_ routine: String) throws {
        guard isSquare else {
            throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "A is \(rows)×\(columns), not square")
        }
    }

    /// Throws unless the matrix is square and `rightHandSides` has as many rows.
    func requireSolvable(_ routine: String, _ rightHandSides: Matrix) throws {
        try requireSquare(routine)
        guard rightHandSides.rows == rows else {
            throw LinearAlgebraError.shapeMismatch(
                routine: routine, detail: "A is \(rows)×\(columns) but B has \(rightHandSides.rows) rows")
        }
    }
}
