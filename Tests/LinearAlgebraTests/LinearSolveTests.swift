import LinearAlgebra
import Testing

@Suite("dgesv: linear solve")
struct LinearSolveTests {
    /// 3x + 2y − z = 1, 2x − 2y + 4z = −2, −x + y/2 − z = 0 has the solution (1, −2, −2):
    /// substitute: 3 − 4 + 2 = 1; 2 + 4 − 8 = −2; −1 − 1 + 2 = 0. numpy.linalg.solve agrees to 2e−15.
    @Test func solvesThreeByThree() throws {
        let a = Matrix([[3, 2, -1], [2, -2, 4], [-1, 0.5, -1]])
        expectClose(try a.solve([1, -2, 0]), [1, -2, -2], tolerance: 1e-12)
    }

    @Test func solvesSeveralRightHandSidesAtOnce() throws {
        let a = Matrix([[2, 0], [0, 4]])
        let x = try a.solve(Matrix([[2, 4], [8, 4]]))
        #expect(x == Matrix([[1, 2], [2, 1]]))
    }

    @Test func singularMatrixThrowsWithPivotPosition() {
        // Row 2 = 2 × row 1, so U(2, 2) = 0 after one elimination step.
        let a = Matrix([[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(routine: "dgesv", info: 2)) { try a.solve([1, 1]) }
    }

    @Test func nonSquareMatrixThrows() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(throws: LinearAlgebraError.self) { try a.solve([1, 1]) }
    }

    @Test func wrongRightHandSideLengthThrows() {
        #expect(throws: LinearAlgebraError.self) { try Matrix.identity(3).solve([1, 2]) }
    }

    @Test func nanInputThrows() {
        let a = Matrix([[1, .nan], [0, 1]])
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "dgesv")) { try a.solve([1, 1]) }
    }
}
