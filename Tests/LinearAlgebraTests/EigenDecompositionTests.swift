import LinearAlgebra
import Testing

@Suite("dgeev: eigen-decomposition")
struct EigenDecompositionTests {
    /// Saaty's 3 × 3 example: λmax ≈ 3.0385 and normalised weights ≈ 0.637 / 0.258 / 0.105
    /// (Saaty, The Analytic Hierarchy Process, 1980). numpy.linalg.eig gives λmax = 3.0385110905581727 and
    /// weights 0.6369855717, 0.2582849944, 0.1047294339; the other two eigenvalues are −0.019256 ± 0.341534i.
    @Test func saatyMatrixPrincipalEigenpair() throws {
        let saaty = Matrix([[1, 3, 5], [1.0 / 3, 1, 3], [1.0 / 5, 1.0 / 3, 1]])
        let eigen = try saaty.eigenDecomposition()
        let k = eigen.dominantIndex
        #expect(eigen.values[k].isReal)
        #expect(abs(eigen.values[k].real - 3.0385110905581727) < 1e-10)
        let vector = try #require(eigen.realVector(at: k))
        let sum = vector.reduce(0, +)
        expectClose(vector.map { $0 / sum }, [0.6369855717447568, 0.25828499437449515, 0.10472943388074794],
                    tolerance: 1e-10)
        let complex = eigen.values.filter { !$0.isReal }
        #expect(complex.count == 2)
        #expect(complex.allSatisfy { abs($0.real + 0.01925554527908484) < 1e-10 })
        #expect(complex.allSatisfy { abs(abs($0.imaginary) - 0.34153418532629354) < 1e-10 })
    }

    /// The rotation [[0, −1], [1, 0]] has eigenvalues ±i with eigenvectors (1, ∓i)/√2: check A·v = λ·v.
    @Test func rotationHasConjugateEigenvectors() throws {
        let rotation = Matrix([[0, -1], [1, 0]])
        let eigen = try rotation.eigenDecomposition()
        for (lambda, v) in zip(eigen.values, eigen.vectors) {
            #expect(abs(lambda.real) < 1e-14 && abs(abs(lambda.imaginary) - 1) < 1e-14)
            // (A·v)₀ = −v₁ and (A·v)₁ = v₀ must equal λ·v.
            let av = [ComplexNumber(-v[1].real, -v[1].imaginary), v[0]]
            for (lhs, vi) in zip(av, v) {
                let rhs = ComplexNumber(lambda.real * vi.real - lambda.imaginary * vi.imaginary,
                                        lambda.real * vi.imaginary + lambda.imaginary * vi.real)
                #expect(abs(lhs.real - rhs.real) < 1e-14 && abs(lhs.imaginary - rhs.imaginary) < 1e-14)
            }
        }
        #expect(eigen.realVector(at: 0) == nil)
    }

    @Test func nonSquareMatrixThrows() {
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2, 3]]).eigenDecomposition() }
    }
}
