/// A numerical failure reported by a LAPACK or BLAS routine, or a shape that a routine cannot accept.
///
/// Every case names the LAPACK routine (`"dgesv"`, `"dgeev"`, ...) so that a message reaching a user or a log says
/// which computation failed, and carries LAPACK's `info` where LAPACK gave one.
public enum LinearAlgebraError: Error, Sendable, Equatable {
    /// The operands' shapes do not fit the routine (for example a 3×2 matrix given to a square solver).
    case shapeMismatch(routine: String, detail: String)
    /// An operand holds NaN or an infinity; LAPACK would return garbage or refuse it.
    case nonFiniteInput(routine: String)
    /// The matrix is exactly singular: U(info, info) = 0 in the LU factorisation (1-based, as LAPACK counts).
    case singular(routine: String, info: Int)
    /// The matrix (or a constraint matrix) does not have the full rank the problem needs.
    case rankDeficient(routine: String, info: Int, detail: String)
    /// The iterative algorithm did not converge; `info` is LAPACK's count of what failed.
    case noConvergence(routine: String, info: Int)
    /// LAPACK rejected argument number `argument` (1-based); LAPACKE reports NaN inputs this way too.
    case invalidArgument(routine: String, argument: Int)
}

extension LinearAlgebraError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .shapeMismatch(routine, detail):
            return "\(routine): shapes do not fit: \(detail)"
        case let .nonFiniteInput(routine):
            return "\(routine): an input holds NaN or infinity"
        case let .singular(routine, info):
            return "\(routine): the matrix is singular (zero pivot at position \(info))"
        case let .rankDeficient(routine, info, detail):
            return "\(routine): rank deficient (info \(info)): \(detail)"
        case let .noConvergence(routine, info):
            return "\(routine): did not converge (info \(info))"
        case let .invalidArgument(routine, argument):
            return "\(routine): argument \(argument) is invalid"
        }
    }
}
