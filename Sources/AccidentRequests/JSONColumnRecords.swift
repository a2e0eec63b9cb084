import AccidentML
import NIOCore

/// The fast JSON decoders for models of named numeric columns: from the body bytes straight
/// into `ColumnRows`, without a `RawRecord` per record.
///
/// Same documents, same errors and same precedence as decoding `RawRecord`s with
/// `JSONRecords` and encoding them with `ModelInput.encode(record:for:into:)` (the plain path
/// they are tested against): a record's field error is a `RecordValidationError` naming it.
package enum JSONColumnRecords {
    /// One JSON object, appended to `rows`.
    package static func record(_ body: ByteBuffer, into rows: inout ColumnRows) throws {
        var invalid: FeatureInputError? = nil
        try JSONRecords.single(body) { invalid = try object(&$0, into: &rows) }
        if let invalid { throw RecordValidationError(recordIndex: 0, invalid) }
    }

    /// A JSON array of at most `maxCount` objects, appended to `rows`; the first invalid record
    /// fails the batch (unless the document has a worse problem, see `JSONRecords.array`).
    package static func batch(_ body: ByteBuffer, maxCount: Int, into rows: inout ColumnRows) throws {
        var invalid: RecordValidationError? = nil
        try JSONRecords.array(body, maxCount: maxCount) { scanner, index in
            guard let error = try object(&scanner, into: &rows) else { return true }
            invalid = RecordValidationError(recordIndex: index, error)
            return false
        }
        if let invalid { throw invalid }
    }

    /// Reads one object (the scanner is at its `{`) as `JSONScanner.object()` does, into a row;
    /// returns what is wrong with the record, if anything (the JSON itself was valid).
    private static func object(_ scanner: inout JSONScanner, into rows: inout ColumnRows)
        throws(MalformedBodyError) -> FeatureInputError? {
        try scanner.enter()
        rows.beginRecord()
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                scanner.skipWhitespace()
                let key = try scanner.key()
                try scanner.expect(UInt8(ascii: ":"))
                let value = try scanner.numericValue()
                let name: String
                switch key {
                case .ascii(let bytes):
                    if let column = rows.column(utf8: bytes) { rows.set(column, to: value); continue }
                    name = String(decoding: bytes, as: UTF8.self)
                case .decoded(let text): name = text
                }
                if let column = rows.column(named: name) { rows.set(column, to: value) } else { rows.setUnknown(name) }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        scanner.leave()
        do { try rows.endRecord() } catch { return error }
        return nil
    }
}
