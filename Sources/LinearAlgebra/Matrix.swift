/// A dense matrix of `Double`, stored **column-major** (the layout LAPACK and BLAS use natively).
///
/// Public API speaks rows and columns only; the storage order matters solely to code inside this module,
/// which hands `storage` straight to LAPACK without copying it into another layout.
///
/// Shapes that come from data (a table read from a file, a matrix built from user input) are checked by the
/// routines that use them, which throw ``LinearAlgebraError/shapeMismatch(routine:detail:)``. Shapes that are
/// the caller's own construction (a ragged array literal, an index out of range) are programmer errors and trap.
public struct Matrix: Sendable, Hashable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Entries in column-major order: entry (i, j) is `storage[i + j * rows]`.
    var storage: [Double]

    /// A matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative size \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from an array of rows, as matrices are written on paper: `Matrix([[1, 2], [3, 4]])`.
    ///
    /// - Precondition: every row has the same length.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "Matrix: rows of unequal length")
        self.init(rows: rowArrays.count, columns: columns)
        for (i, row) in rowArrays.enumerated() {
            for (j, value) in row.enumerated() { self[i, j] = value }
        }
    }

    /// A matrix from entries already in column-major order.
    ///
    /// - Precondition: `columnMajor.count == rows * columns`.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative size \(rows)×\(columns)")
        precondition(columnMajor.count == rows * columns,
                     "Matrix: \(columnMajor.count) entries for a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// A column vector (n × 1).
    public init(column: [Double]) {
        self.init(rows: column.count, columns: 1, columnMajor: column)
    }

    /// The n × n identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var matrix = Matrix(rows: n, columns: n)
        for i in 0..<n { matrix[i, i] = 1 }
        return matrix
    }

    /// Entry in row `i`, column `j` (both zero-based).
    public subscript(i: Int, j: Int) -> Double {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "Matrix: index (\(i), \(j)) outside \(rows)×\(columns)")
            return storage[i + j * rows]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "Matrix: index (\(i), \(j)) outside \(rows)×\(columns)")
            storage[i + j * rows] = newValue
        }
    }

    /// Whether the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] { (0..<columns).map { self[i, $0] } }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "Matrix: column \(j) outside 0..<\(columns)")
        return Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// The rows as arrays, the inverse of ``init(_:)``.
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// The entries in column-major order.
    public var columnMajorEntries: [Double] { storage }

    /// The transpose.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result[j, i] = self[i, j] }
        }
        return result
    }

    /// Whether every entry is finite (no NaN, no infinity).
    public var isFinite: Bool { storage.allSatisfy(\.isFinite) }
}
