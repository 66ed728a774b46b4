import CLapack

extension Matrix {
    /// The matrix product `self · other`, computed by BLAS `dgemm`.
    ///
    /// - Complexity: O(rows · columns · other.columns).
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when `columns != other.rows`.
    public func multiplied(by other: Matrix) throws -> Matrix {
        guard columns == other.rows else {
            throw LinearAlgebraError.shapeMismatch(
                routine: "dgemm", detail: "\(rows)×\(columns) times \(other.rows)×\(other.columns)")
        }
        guard rows > 0, other.columns > 0, columns > 0 else { return Matrix(rows: rows, columns: other.columns) }
        // dgemm with β = 0 writes every entry of C, so C is not zero-filled first: for a tall product with a short
        // inner dimension (10³ units × 10⁵ draws over 12 lines) the fill would cost as much as the product.
        let entries = rows * other.columns
        let product = [Double](unsafeUninitializedCapacity: entries) { c, count in
            storage.withUnsafeBufferPointer { a in
                other.storage.withUnsafeBufferPointer { b in
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans,
                                lapackInt(rows), lapackInt(other.columns), lapackInt(columns),
                                1, a.baseAddress, lapackInt(rows),
                                b.baseAddress, lapackInt(other.rows),
                                0, c.baseAddress, lapackInt(rows))
                }
            }
            count = entries
        }
        return Matrix(rows: rows, columns: other.columns, columnMajor: product)
    }

    /// The matrix–vector product `self · vector`, computed by BLAS `dgemv`.
    ///
    /// - Complexity: O(rows · columns).
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when `vector.count != columns`.
    public func multiplied(by vector: [Double]) throws -> [Double] {
        guard vector.count == columns else {
            throw LinearAlgebraError.shapeMismatch(
                routine: "dgemv", detail: "\(rows)×\(columns) times a vector of length \(vector.count)")
        }
        var result = [Double](repeating: 0, count: rows)
        guard rows > 0, columns > 0 else { return result }
        storage.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    cblas_dgemv(CblasColMajor, CblasNoTrans, lapackInt(rows), lapackInt(columns),
                                1, a.baseAddress, lapackInt(rows), x.baseAddress, 1,
                                0, y.baseAddress, 1)
                }
            }
        }
        return result
    }
}

extension Matrix {
    /// `self · other[:, columns]` written into `buffer` (rows × columns.count, column-major), by BLAS `dgemm`: the
    /// product of one block of columns, into memory the caller allocates once and reuses for every block, so that a
    /// long run of blocks neither allocates nor first-touches pages again.
    ///
    /// - Complexity: O(rows · self.columns · columns.count).
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when `self.columns != other.rows`, the range
    ///   is outside `other`'s columns, or `buffer` holds fewer than rows × columns.count entries.
    public func multiply(_ other: Matrix, columns block: Range<Int>, into buffer: inout [Double]) throws {
        guard columns == other.rows, block.lowerBound >= 0, block.upperBound <= other.columns,
              buffer.count >= rows * block.count else {
            throw LinearAlgebraError.shapeMismatch(
                routine: "dgemm", detail: "\(rows)×\(columns) times columns \(block) of \(other.rows)×\(other.columns) into \(buffer.count) entries")
        }
        guard rows > 0, !block.isEmpty, columns > 0 else { return }
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                buffer.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans,
                                lapackInt(rows), lapackInt(block.count), lapackInt(columns),
                                1, a.baseAddress, lapackInt(rows),
                                b.baseAddress! + block.lowerBound * other.rows, lapackInt(other.rows),
                                0, c.baseAddress, lapackInt(rows))
                }
            }
        }
    }
}
