import LinearAlgebra
import Testing

@Suite("dgglse: equality-constrained least squares")
struct LeastSquaresTests {
    /// min (x₁ − 1)² + (2x₂ − 2)² subject to x₁ + x₂ = 1.
    /// KKT by hand: 2(x₁ − 1) = λ and 8(x₂ − 1) = λ, so x₁ − 1 = 4(x₂ − 1); with x₁ = 1 − x₂,
    /// −x₂ = 4x₂ − 4, hence x₂ = 0.8 and x₁ = 0.2.
    @Test func equalityConstrainedFit() throws {
        let a = Matrix([[1, 0], [0, 2]])
        let x = try a.constrainedLeastSquares(target: [1, 2], constraints: Matrix([[1, 1]]), constraintValues: [1])
        expectClose(x, [0.2, 0.8], tolerance: 1e-12)
    }

    /// Projection of c = (1, 2, 3) onto the plane x₁ + x₂ + x₃ = 3: subtract (Σc − 3)/3 = 1 from each entry,
    /// giving (0, 1, 2). The solver must honour the constraint exactly.
    @Test func projectionOntoASimplexPlane() throws {
        let x = try Matrix.identity(3).constrainedLeastSquares(
            target: [1, 2, 3], constraints: Matrix([[1, 1, 1]]), constraintValues: [3])
        expectClose(x, [0, 1, 2], tolerance: 1e-12)
        #expect(abs(x.reduce(0, +) - 3) < 1e-12)
    }

    @Test func rankDeficientConstraintsThrow() {
        // Two copies of the same constraint: B has rank 1 < p = 2.
        let b = Matrix([[1, 1, 1], [1, 1, 1]])
        #expect(throws: LinearAlgebraError.rankDeficient(
            routine: "dgglse", info: 1, detail: "the constraint matrix B does not have full row rank")) {
            try Matrix.identity(3).constrainedLeastSquares(target: [1, 2, 3], constraints: b, constraintValues: [1, 1])
        }
    }

    @Test func mismatchedConstraintShapeThrows() {
        #expect(throws: LinearAlgebraError.self) {
            try Matrix.identity(3).constrainedLeastSquares(
                target: [1, 2, 3], constraints: Matrix([[1, 1]]), constraintValues: [1])
        }
    }
}
