import LinearAlgebra
import Testing

@Suite("dgemm and dgemv: products")
struct MatrixProductTests {
    /// [[1, 2, 3], [4, 5, 6]] · [[7, 8], [9, 10], [11, 12]]: row 1 gives 7 + 18 + 33 = 58 and 8 + 20 + 36 = 64;
    /// row 2 gives 28 + 45 + 66 = 139 and 32 + 50 + 72 = 154.
    @Test func matrixTimesMatrix() throws {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        #expect(try a.multiplied(by: b) == Matrix([[58, 64], [139, 154]]))
    }

    /// Same A times (1, 0, −1): 1 − 3 = −2 and 4 − 6 = −2.
    @Test func matrixTimesVector() throws {
        #expect(try Matrix([[1, 2, 3], [4, 5, 6]]).multiplied(by: [1, 0, -1]) == [-2, -2])
    }

    @Test func mismatchedShapesThrow() {
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2]]).multiplied(by: Matrix([[1, 2]])) }
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2]]).multiplied(by: [1, 2, 3]) }
    }

    @Test func rowAndColumnMajorViewsAgree() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(a.columnMajorEntries == [1, 4, 2, 5, 3, 6])
        #expect(a.transposed.rowArrays == [[1, 4], [2, 5], [3, 6]])
        #expect(a.column(1) == [2, 5])
    }
}
