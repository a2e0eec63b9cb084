import AccidentML
import NIOCore

/// The fast JSON record decoders: straight from the body bytes into `RawRecord`s.
///
/// `single` and `array` walk the documents and fix which error wins; `JSONColumnRecords`
/// reuses them to read the objects into feature rows instead.
package enum JSONRecords {
    /// What a body that is not one record is told.
    static let notAnObject = "expected a JSON object of the model's fields (listed at /api/docs)"

    /// One JSON object.
    package static func record(_ body: ByteBuffer) throws -> RawRecord {
        var record = RawRecord()
        try single(body) { record = RawRecord(try $0.object()) }
        return record
    }

    /// A JSON array of at most `maxCount` objects; the first element that is not an object
    /// fails the batch (after the whole document's syntax was checked).
    package static func batch(_ body: ByteBuffer, maxCount: Int) throws -> [RawRecord] {
        var records: [RawRecord] = []
        try array(body, maxCount: maxCount) { scanner, _ in
            records.append(RawRecord(try scanner.object()))
            return true
        }
        return records
    }

    /// A body that must be one JSON object: `read` reads it (the scanner is at its `{`), then
    /// the rest of the body must be whitespace.
    static func single(_ body: ByteBuffer, _ read: (inout JSONScanner) throws -> Void) throws {
        try scan(body) { scanner in
            guard try scanner.peekValue() == UInt8(ascii: "{") else {
                try scanner.skipValue()
                try scanner.expectEnd()
                throw BodyShapeError(message: notAnObject)
            }
            try read(&scanner)
            try scanner.expectEnd()
        }
    }

    /// A body that must be a JSON array of at most `maxCount` objects: `read` reads each object
    /// (the scanner is at its `{`; the second argument is its index) until it returns false,
    /// after which objects are only checked. Whatever `read` found, what is thrown is, in this
    /// order: invalid JSON anywhere, too many elements, the first element that is not an object.
    static func array(_ body: ByteBuffer, maxCount: Int, _ read: (inout JSONScanner, Int) throws -> Bool) throws {
        try scan(body) { scanner in
            guard try scanner.peekValue() == UInt8(ascii: "[") else {
                try scanner.skipValue()
                try scanner.expectEnd()
                throw BodyShapeError(message: "expected a JSON array of records")
            }
            try scanner.expect(UInt8(ascii: "["))
            var firstProblem: RecordValidationError? = nil
            var reading = true
            var count = 0
            if !scanner.consume(UInt8(ascii: "]")) {
                repeat {
                    defer { count += 1 }
                    guard count < maxCount, firstProblem == nil else { try scanner.skipValue(); continue }
                    guard try scanner.peekValue() == UInt8(ascii: "{") else {
                        try scanner.skipValue()
                        firstProblem = RecordValidationError(recordIndex: count, path: "", message: notAnObject)
                        continue
                    }
                    if reading { reading = try read(&scanner, count) } else { try scanner.skipValue() }
                } while scanner.consume(UInt8(ascii: ","))
                try scanner.expect(UInt8(ascii: "]"))
            }
            try scanner.expectEnd()
            if count > maxCount { throw BatchTooLargeError(count: count, limit: maxCount) }
            if let firstProblem { throw firstProblem }
        }
    }

    private static func scan<T>(_ body: ByteBuffer, _ read: (inout JSONScanner) throws -> T) throws -> T {
        guard body.readableBytes > 0 else { throw MalformedBodyError(message: "the request body is empty") }
        return try body.withUnsafeReadableBytes { bytes in
            var scanner = JSONScanner(bytes)
            return try read(&scanner)
        }
    }
}
