/// A complex number, as LAPACK returns eigenvalues and eigenvectors of a real non-symmetric matrix.
public struct ComplexNumber: Sendable, Hashable, CustomStringConvertible {
    /// The real part.
    public var real: Double
    /// The imaginary part.
    public var imaginary: Double

    public init(_ real: Double, _ imaginary: Double = 0) {
        self.real = real
        self.imaginary = imaginary
    }

    /// |z| = √(re² + im²).
    public var magnitude: Double { (real * real + imaginary * imaginary).squareRoot() }

    /// Whether the imaginary part is exactly zero, as LAPACK reports a real eigenvalue.
    public var isReal: Bool { imaginary == 0 }

    public var description: String {
        imaginary == 0 ? "\(real)" : "\(real)\(imaginary < 0 ? "-" : "+")\(abs(imaginary))i"
    }
}
