import AccidentML
import NIOCore

/// The fast CSV decoder for models of named numeric columns: each line's cells straight into
/// `ColumnRows`, without a `RawRecord` per line.
///
/// Same bodies, same errors and same precedence as `CSVRecords.decode` followed by
/// `ModelInput.encode(record:for:into:)` record by record (the plain path it is tested against):
/// header, line and size problems first, then the first invalid record.
package enum CSVColumnRecords {
    /// A header line of column names, then at most `maxCount` lines, appended to `rows`;
    /// `fields` are the model's (`ModelInput.inputFields`), which the header is checked against.
    package static func decode(_ body: ByteBuffer, fields: [InputField], maxCount: Int, into rows: inout ColumnRows) throws {
        var columns: [Int]? = nil
        var invalid: RecordValidationError? = nil
        var index = 0
        try CSVRecords.forEachRow(body, fields: fields, maxCount: maxCount) { names, cells in
            defer { index += 1 }
            guard invalid == nil else { return }
            // The header names only the model's fields, and a columns model's fields are its columns.
            let header = columns ?? names.map { rows.column(named: $0)! }
            columns = header
            rows.beginRecord()
            for (column, cell) in zip(header, cells) { rows.set(column, to: CSVRecords.value(cell)) }
            do throws(FeatureInputError) { try rows.endRecord() } catch { invalid = RecordValidationError(recordIndex: index, error) }
        }
        if let invalid { throw invalid }
    }
}
