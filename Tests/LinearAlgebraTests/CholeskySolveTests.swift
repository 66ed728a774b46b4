import LinearAlgebra
import Testing

@Suite("dposv: Cholesky solve")
struct CholeskySolveTests {
    /// P = [[4, 2, 0.6], [2, 5, 1], [0.6, 1, 3]] is diagonally dominant, hence SPD. numpy.linalg.solve(P, [1, 2, 3])
    /// gives (0.00448430493273543, 0.21255605381165918, 0.9282511210762333); the test also checks P·x = b.
    @Test func solvesSymmetricPositiveDefinite() throws {
        let p = Matrix([[4, 2, 0.6], [2, 5, 1], [0.6, 1, 3]])
        let x = try p.choleskySolve([1, 2, 3])
        expectClose(x, [0.00448430493273543, 0.21255605381165918, 0.9282511210762333], tolerance: 1e-13)
        expectClose(try p.multiplied(by: x), [1, 2, 3], tolerance: 1e-13)
    }

    /// [[1, 2], [2, 1]] is symmetric with eigenvalues 3 and −1; its leading minor of order 2 is 1 − 4 < 0.
    @Test func indefiniteMatrixThrowsWithMinorOrder() {
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dposv", info: 2)) {
            try Matrix([[1, 2], [2, 1]]).choleskySolve([1, 1])
        }
    }

    @Test func asymmetricMatrixThrows() {
        #expect(throws: LinearAlgebraError.notSymmetric(routine: "dposv")) {
            try Matrix([[2, 1], [0, 2]]).choleskySolve([1, 1])
        }
    }
}
