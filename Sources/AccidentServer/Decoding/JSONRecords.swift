import AccidentML
import Hummingbird

/// The fast JSON record decoders: straight from the body bytes into `RawRecord`s.
enum JSONRecords {
    /// What a body that is not one record is told.
    static let notAnObject = "expected a JSON object of the model's fields (listed at /api/docs)"

    /// One JSON object.
    static func record(_ body: ByteBuffer) throws -> RawRecord {
        try scan(body) { scanner in
            guard try scanner.peekValue() == UInt8(ascii: "{") else {
                try scanner.skipValue()
                try scanner.expectEnd()
                throw BodyShapeError(message: notAnObject)
            }
            let record = RawRecord(try scanner.object())
            try scanner.expectEnd()
            return record
        }
    }

    /// A JSON array of at most `maxCount` objects; the first element that is not an object
    /// fails the batch (after the whole document's syntax was checked).
    static func batch(_ body: ByteBuffer, maxCount: Int) throws -> [RawRecord] {
        try scan(body) { scanner in
            guard try scanner.peekValue() == UInt8(ascii: "[") else {
                try scanner.skipValue()
                try scanner.expectEnd()
                throw BodyShapeError(message: "expected a JSON array of records")
            }
            try scanner.expect(UInt8(ascii: "["))
            var records: [RawRecord] = []
            var firstProblem: RecordValidationError? = nil
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
                    records.append(RawRecord(try scanner.object()))
                } while scanner.consume(UInt8(ascii: ","))
                try scanner.expect(UInt8(ascii: "]"))
            }
            try scanner.expectEnd()
            if count > maxCount { throw BatchTooLargeError(count: count, limit: maxCount) }
            if let firstProblem { throw firstProblem }
            return records
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
