/// A dense, column-major matrix of features shared by every model.
///
/// Column-major because training (binning, histograms) and the BLAS paths walk one
/// feature over all rows; a missing value is NaN.
public struct FeatureMatrix<Scalar: BinaryFloatingPoint & SIMDScalar & Sendable>: Sendable {
    /// Number of rows (samples).
    public let rowCount: Int
    /// The column names, one per feature, in storage order.
    public var columnNames: [String]
    /// Column-major values: the value at (row r, column c) is `storage[c * rowCount + r]`.
    /// Writable so that kernels can fill it in place; its count must stay `rowCount * columnCount`.
    public var storage: [Scalar]

    /// Number of columns (features).
    public var columnCount: Int { columnNames.count }

    /// Creates a matrix from column-major storage.
    public init(rowCount: Int, columnNames: [String], storage: [Scalar]) {
        precondition(rowCount >= 0, "rowCount must not be negative")
        precondition(storage.count == rowCount * columnNames.count,
                     "storage holds \(storage.count) values, expected \(rowCount) x \(columnNames.count)")
        self.rowCount = rowCount
        self.columnNames = columnNames
        self.storage = storage
    }

    /// Creates a zero-filled matrix.
    public init(rowCount: Int, columnNames: [String]) {
        self.init(rowCount: rowCount, columnNames: columnNames,
                  storage: [Scalar](repeating: 0, count: rowCount * columnNames.count))
    }

    /// Creates a matrix from rows given as arrays (convenient for tests and single requests).
    public init(rows: [[Scalar]], columnNames: [String]) {
        let n = rows.count, d = columnNames.count
        var storage = [Scalar](repeating: 0, count: n * d)
        for (r, row) in rows.enumerated() {
            precondition(row.count == d, "row \(r) has \(row.count) values, expected \(d)")
            for c in 0..<d { storage[c * n + r] = row[c] }
        }
        self.init(rowCount: n, columnNames: columnNames, storage: storage)
    }

    /// The value at a row and column.
    @inlinable
    public subscript(row row: Int, column column: Int) -> Scalar {
        get { storage[column * rowCount + row] }
        set { storage[column * rowCount + row] = newValue }
    }

    /// Calls `body` with the contiguous values of one column.
    @inlinable
    public func withColumn<R>(_ column: Int, _ body: (UnsafeBufferPointer<Scalar>) throws -> R) rethrows -> R {
        precondition(column >= 0 && column < columnCount, "column \(column) out of range 0..<\(columnCount)")
        return try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[(column * rowCount)..<((column + 1) * rowCount)]))
        }
    }

    /// The index of a column by name, or nil.
    public func columnIndex(named name: String) -> Int? { columnNames.firstIndex(of: name) }

    /// A new matrix holding the given rows, in the given order (for splits and folds).
    public func selecting(rows indices: [Int]) -> FeatureMatrix {
        let n = indices.count
        var out = [Scalar](repeating: 0, count: n * columnCount)
        storage.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for c in 0..<columnCount {
                    let s = c * rowCount, d = c * n
                    for (i, r) in indices.enumerated() {
                        precondition(r >= 0 && r < rowCount, "row \(r) out of range 0..<\(rowCount)")
                        dst[d + i] = src[s + r]
                    }
                }
            }
        }
        return FeatureMatrix(rowCount: n, columnNames: columnNames, storage: out)
    }

    /// One row's values, in column order (allocates: for tests and single requests).
    public func row(_ r: Int) -> [Scalar] {
        (0..<columnCount).map { self[row: r, column: $0] }
    }

    /// The same matrix with another scalar type.
    public func converted<Other: BinaryFloatingPoint & SIMDScalar & Sendable>(to: Other.Type = Other.self) -> FeatureMatrix<Other> {
        FeatureMatrix<Other>(rowCount: rowCount, columnNames: columnNames, storage: storage.map { Other($0) })
    }
}
