import Hummingbird

/// The fast JSON record decoders: straight from the body bytes into records.
enum JSONRecords {
    /// One JSON object.
    static func record(_ body: ByteBuffer, schema: RecordSchema) throws -> PredictionRecord {
        try scan(body) { scanner in
            guard try scanner.peekValue() == UInt8(ascii: "{") else {
                try scanner.skipValue()
                try scanner.expectEnd()
                throw BodyShapeError(message: "expected a JSON object of BAAC fields (\(schema.fieldList))")
            }
            let result = try scanner.record(schema: schema, recordIndex: 0)
            try scanner.expectEnd()
            return try result.get()
        }
    }

    /// A JSON array of at most `maxCount` objects; the first invalid record fails the batch.
    static func batch(_ body: ByteBuffer, schema: RecordSchema, maxCount: Int) throws -> [PredictionRecord] {
        try scan(body) { scanner in
            guard try scanner.peekValue() == UInt8(ascii: "[") else {
                try scanner.skipValue()
                try scanner.expectEnd()
                throw BodyShapeError(message: "expected a JSON array of records")
            }
            try scanner.expect(UInt8(ascii: "["))
            var records: [PredictionRecord] = []
            var firstProblem: RecordValidationError? = nil
            var count = 0
            if !scanner.consume(UInt8(ascii: "]")) {
                repeat {
                    defer { count += 1 }
                    guard count < maxCount, firstProblem == nil else { try scanner.skipValue(); continue }
                    guard try scanner.peekValue() == UInt8(ascii: "{") else {
                        try scanner.skipValue()
                        firstProblem = RecordValidationError(recordIndex: count, field: "",
                                                             message: "expected a JSON object of BAAC fields (\(schema.fieldList))")
                        continue
                    }
                    switch try scanner.record(schema: schema, recordIndex: count) {
                    case .success(let record): records.append(record)
                    case .failure(let problem): firstProblem = problem
                    }
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
