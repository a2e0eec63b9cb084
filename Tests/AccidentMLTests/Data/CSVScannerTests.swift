import Testing
@testable import AccidentML

/// The byte scanner against its plain reference, and its line and error reporting.
@Suite struct CSVScannerTests {
    /// Every line the scanner reads from `bytes`, in the reference's shape.
    static func scan(_ bytes: [UInt8], separator: UInt8) -> [CSVScanner.ReferenceLine] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, separator: separator)
            var record = CSVRecord(capacity: 2)
            var lines: [CSVScanner.ReferenceLine] = []
            while true {
                switch scanner.next(into: &record) {
                case .end: return lines
                case .malformed(let e): lines.append(.init(line: e.line, fields: [], error: e))
                case .record:
                    let fields = (0..<record.count).map { k -> [UInt8] in
                        var bytes: [UInt8] = []
                        var previousWasEscape = false
                        for b in record.field(k, in: buffer) {
                            if record.spans[k].quoted && b == CSVScanner.quote && !previousWasEscape {
                                previousWasEscape = true
                                continue
                            }
                            previousWasEscape = false
                            bytes.append(b)
                        }
                        return bytes
                    }
                    lines.append(.init(line: record.line, fields: fields, error: nil))
                }
            }
        }
    }

    @Test func quotedFieldsEscapesAndLineEnds() {
        let text = "\"a\";\"b \"\"c\"\"\";\" -1\"\r\n\n x;;\"\"\nlast;\"q;r\""
        let lines = Self.scan(Array(text.utf8), separator: UInt8(ascii: ";"))
        #expect(lines.map(\.line) == [1, 3, 4])
        #expect(lines[0].fields.map { String(decoding: $0, as: UTF8.self) } == ["a", "b \"c\"", " -1"])
        #expect(lines[1].fields.map { String(decoding: $0, as: UTF8.self) } == [" x", "", ""])
        #expect(lines[2].fields.map { String(decoding: $0, as: UTF8.self) } == ["last", "q;r"])
    }

    @Test func malformedLinesAreReportedAndSkipped() {
        let text = "a,\"b\nc,\"d\"e\nf,g\n"
        let lines = Self.scan(Array(text.utf8), separator: UInt8(ascii: ","))
        #expect(lines.map(\.error) == [
            CSVSyntaxError(kind: .unterminatedQuote, line: 1, field: 2),
            CSVSyntaxError(kind: .textAfterClosingQuote, line: 2, field: 2),
            nil,
        ])
        #expect(lines[2].fields == [Array("f".utf8), Array("g".utf8)])
    }

    @Test func matchesTheReferenceOnRandomText() {
        var rng = SplitMix64(seed: 2021)
        let alphabet: [UInt8] = Array("ab1 -,;\"\"\"\n\r\t".utf8) + [0xC3, 0xA9]
        for round in 0..<2000 {
            let length = Int(rng.next() % 60)
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let separator: UInt8 = round % 2 == 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
            #expect(Self.scan(bytes, separator: separator) == CSVScanner.referenceLines(bytes, separator: separator),
                    "input \(bytes)")
        }
    }

    @Test func headerDetectsSeparatorAndSkipsBOM() throws {
        let text = Array("\u{FEFF}\n\"Num_Acc\";\"an\";\"a,b\"\nx;y;z\n".utf8)
        let header = try text.withUnsafeBufferPointer { try CSVHeader.read($0) }
        #expect(header.separator == UInt8(ascii: ";"))
        #expect(header.names == ["Num_Acc", "an", "a,b"])
        #expect(header.bodyLine == 3 && header.index(of: "NUM_ACC") == 0)
        let single = try Array("grav\n1\n".utf8).withUnsafeBufferPointer { try CSVHeader.read($0) }
        #expect(single.names == ["grav"] && single.separator == UInt8(ascii: ","))
        #expect(throws: CSVHeader.Problem.empty) { try Array("\n\r\n".utf8).withUnsafeBufferPointer { try CSVHeader.read($0) } }
    }

    @Test func chunksEndAfterNewlines() {
        let bytes = Array("h\naaaa\nbb\ncccccc\nd".utf8)
        let chunks = bytes.withUnsafeBufferPointer { BAACTableJob<AccidentDecoder>.split($0, from: 2, target: 3) }
        #expect(chunks == [2..<7, 7..<10, 10..<17, 17..<18])
        #expect(bytes.withUnsafeBufferPointer { BAACTableJob<AccidentDecoder>.split($0, from: 18, target: 3) }.isEmpty)
    }
}
