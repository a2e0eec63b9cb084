import Foundation

extension NumericCSV {
    /// Reads a numeric CSV a bounded number of rows at a time, so that a file of any size can
    /// be processed (e.g. predicted and written out) with bounded memory; the file itself is
    /// memory-mapped, not read. `loadFeatures` is one call of `next(maxRows:)` for all rows.
    public struct ChunkReader {
        /// The column names of the header line.
        public var columnNames: [String] { header.names }
        /// Data rows read so far.
        public private(set) var rowsRead = 0
        private let file: MappedFile
        private let header: CSVHeader
        private var scanner: CSVScanner
        private var record: CSVRecord

        /// Opens the file and reads its header line.
        public init(_ url: URL) throws(NumericCSVError) {
            file = try NumericCSV.open(url)
            header = try NumericCSV.header(of: file)
            scanner = CSVScanner(bytes: file.buffer, separator: header.separator, offset: header.bodyOffset, line: header.bodyLine)
            record = CSVRecord(capacity: header.names.count + 1)
        }

        /// The next at most `maxRows` rows (column-major, NaN = missing), or nil at the end of the file.
        public mutating func next<Scalar>(maxRows: Int, as scalar: Scalar.Type = Scalar.self) throws(NumericCSVError)
            -> FeatureMatrix<Scalar>? {
            precondition(maxRows > 0, "maxRows must be positive")
            let width = header.names.count, bytes = file.buffer
            var values: [Double] = []
            values.reserveCapacity(min(maxRows, file.bytes.count / max(2 * width, 1) + 1) * width)
            var rows = 0
            while rows < maxRows, try NumericCSV.nextRecord(&scanner, into: &record, header: header, file: file) {
                for k in 0..<width {
                    let field = record.field(k, in: bytes)
                    switch ByteNumber.decimal(field) {
                    case .value(let v) where ByteNumber.fitsFloat(v): values.append(v)
                    case .empty: values.append(.nan)
                    case .value, .invalid:
                        guard isNaNToken(ByteNumber.trimmed(field)) else {
                            throw .badNumber(file: file.path, line: record.line, column: header.names[k],
                                             value: String(decoding: field, as: UTF8.self))
                        }
                        values.append(.nan)
                    }
                }
                rows += 1
            }
            guard rows > 0 else { return nil }
            rowsRead += rows
            var storage = [Scalar](repeating: 0, count: values.count)
            values.withUnsafeBufferPointer { rowMajor in
                storage.withUnsafeMutableBufferPointer { columnMajor in
                    for r in 0..<rows {
                        for c in 0..<width { columnMajor[c * rows + r] = Scalar(rowMajor[r * width + c]) }
                    }
                }
            }
            return FeatureMatrix(rowCount: rows, columnNames: header.names, storage: storage)
        }
    }
}
