import AccidentML
import Foundation
import Hummingbird
import Testing
@testable import AccidentRequests
@testable import AccidentServer

/// The fast decoders of `.columns` records (`JSONColumnRecords` into `ColumnRows`) against the
/// plain path they replace (`JSONRecords` into `RawRecord`s, then `ModelInput.encode(record:)`
/// record by record) on seeded random documents, valid and invalid: the same feature rows, or
/// the same error.
@Suite("Fast JSON decoding of column records")
struct JSONColumnRecordsTests {
    /// Column names with the awkward cases: a key escaped, a non-ASCII name (`é` written
    /// precomposed) and an ASCII one with a non-ASCII equivalent (`K`, the Kelvin sign).
    static let names = ["a", "bb", "K", "é", "place"]
    static let input = ModelInput.columns(names)

    /// What a decoder made of a document, comparable across decoders.
    enum Outcome: Equatable, CustomStringConvertible {
        /// The rows' bit patterns (NaN compares equal to NaN).
        case rows([UInt32])
        case invalid(RecordValidationError)
        case malformed(String)
        case shape(String)
        case tooLarge(Int?)

        init(_ body: () throws -> [Float]) {
            do { self = .rows(try body().map(\.bitPattern)) } catch let e as RecordValidationError { self = .invalid(e) }
            catch let e as MalformedBodyError { self = .malformed(e.message) }
            catch let e as BodyShapeError { self = .shape(e.message) }
            catch let e as BatchTooLargeError { self = .tooLarge(e.count) }
            catch { fatalError("unexpected \(error)") }
        }

        var description: String {
            switch self {
            case .rows(let r): return "rows \(r.map { Float(bitPattern: $0) })"
            case .invalid(let e): return "invalid \(e)"
            case .malformed(let m): return "malformed \(m)"
            case .shape(let m): return "shape \(m)"
            case .tooLarge(let n): return "too large \(n.map(String.init) ?? "-")"
            }
        }
    }

    func compare(_ text: String, batch: Bool, maxCount: Int = 4) {
        let body = ByteBuffer(string: text)
        let plain = Outcome { try JSONColumnRecords.plainRows(batch ? JSONRecords.batch(body, maxCount: maxCount) : [JSONRecords.record(body)], columns: Self.names) }
        let fast = Outcome {
            var rows = ColumnRows(names: Self.names)
            if batch { try JSONColumnRecords.batch(body, maxCount: maxCount, into: &rows) }
            else { try JSONColumnRecords.record(body, into: &rows) }
            return rows.values
        }
        #expect(fast == plain, "\(text)")
    }

    /// A random value: mostly numbers (short, long, exponents, beyond Int), else every other type.
    static func value(_ rng: inout SplitMix64) -> String {
        let numbers = ["1", "-3", "0", "-0", "-0.0", "2.5", "48.8566", "0.000123", "59350", "1e2", "-7.25e1", "1E-2",
                       "12345678901234567890", "123456789012345678", "0.1234567890123456789", "3.0522062542",
                       "50.6325934047", "99999999999999.9", "1.5e300", "4e-320", "9007199254740993", "-12.000"]
        switch rng.next() % 10 {
        case 0..<6: return numbers[Int(rng.next() % UInt64(numbers.count))]
        case 6: return "null"
        case 7: return ["true", "false", #""3""#, #""""#][Int(rng.next() % 4)]
        case 8: return ["[]", "[1, [2]]", "[null]"][Int(rng.next() % 3)]
        default: return [#"{}"#, #"{"a": 1}"#][Int(rng.next() % 2)]
        }
    }

    /// A random record: the columns under several spellings (escaped, decomposed, Kelvin sign),
    /// unknown names, repeated names, any order.
    static func object(_ rng: inout SplitMix64) -> String {
        let spellings = ["a", "bb", "K", "é", "place", "b\\u0062", "\u{212A}", "e\u{301}", "\\u00e9", "zz", "Place", "b"]
        var keys = names.filter { _ in rng.next() % 12 != 0 }
        for _ in 0..<Int(rng.next() % 3) { keys.append(spellings[Int(rng.next() % UInt64(spellings.count))]) }
        for i in keys.indices.reversed() where i > 0 { keys.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let spaces = [" ", "", "\n\t", "\r\n "]
        return "{" + keys.map { spaces[Int(rng.next() % 4)] + "\"\($0)\":" + spaces[Int(rng.next() % 4)] + value(&rng) }
            .joined(separator: ",") + spaces[Int(rng.next() % 4)] + "}"
    }

    @Test func singleRecordsAgreeWithThePlainPath() {
        var rng = SplitMix64(seed: 31)
        for _ in 0..<3000 { compare(JSONRecordsTests.corrupt(Self.object(&rng), &rng), batch: false) }
    }

    @Test func batchesAgreeWithThePlainPath() {
        var rng = SplitMix64(seed: 32)
        for _ in 0..<2000 {
            let elements = (0..<Int(rng.next() % 7)).map { _ in rng.next() % 10 == 0 ? Self.value(&rng) : Self.object(&rng) }
            let text = "[" + elements.joined(separator: ", ") + "]"
            compare(rng.next() % 2 == 0 ? text : JSONRecordsTests.corrupt(text, &rng), batch: true)
        }
    }

    @Test func handPickedDocuments() {
        let valid = #"{"a": 1, "bb": 2.5, "K": null, "é": -3, "place": 10}"#
        for text in [valid, #"{"a": 1, "bb": 2, "K": 3, "é": 4}"#, #"{"a": 1, "bb": 2, "K": 3, "é": 4, "place": 5, "z": 1, "y": 2}"#,
                     #"{"a": "1", "bb": 2, "K": 3, "é": 4, "place": 5}"#, #"{"a": 1, "a": "x", "bb": 2, "K": 3, "é": 4, "place": 5}"#,
                     #"{"a": "x", "a": 1, "bb": 2, "K": 3, "é": 4, "place": 5}"#, "{}", "[]", "1", "", #"{"a": 1e999}"#,
                     #"{"a": 1, "bb": [1, {"x": [}], "K": 3, "é": 4, "place": 5}"#, #"{"a": 01}"#, #"{"a": 1"#] {
            compare(text, batch: false)
            compare("[\(text)]", batch: true)
        }
        // Which error wins: syntax, then size, then a non-object, then the first invalid record.
        compare("[\(valid), {\"a\": true}, 5, {\"a\": 1]", batch: true)
        compare("[\(valid), {\"a\": true}, 5, {}, {}]", batch: true)
        compare("[\(valid), {\"a\": true}, 5]", batch: true)
        compare("[\(valid), {\"a\": true}, {}]", batch: true)
        compare("[\(valid), \(valid), \(valid), \(valid)]", batch: true)
        compare("[\(valid), \(valid), \(valid), \(valid), \(valid)]", batch: true)
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        compare(#"[{"a": \#(deep)}]"#, batch: true)
    }

    @Test func rowsBecomeAColumnMajorMatrixAndInvalidRecordsAreDropped() throws {
        var rows = ColumnRows(names: ["x", "y"])
        for (x, y) in [(1, 2), (3, 4), (5, 6)] {
            rows.beginRecord()
            rows.set(1, to: .integer(y))
            rows.set(0, to: .integer(x))
            try rows.endRecord()
            rows.beginRecord()
            rows.set(0, to: .integer(x))
            #expect(throws: FeatureInputError.missingField(path: "y", expected: "a number (null when missing)")) {
                try rows.endRecord()
            }
        }
        #expect(rows.rowCount == 3)
        #expect(rows.values == [1, 2, 3, 4, 5, 6])
        #expect(rows.matrix.storage == [1, 3, 5, 2, 4, 6])
        #expect(rows.matrix.columnNames == ["x", "y"])
    }

    @Test func numbersReadAsTheirTextIsRead() throws {
        // The plain reading the scanner's digit fast paths replace: Int(text), else Double(text).
        func plain(_ text: String) -> RawValue? {
            if !text.contains(where: { ".eE".contains($0) }), let i = Int(text) { return .integer(i) }
            guard let d = Double(text), d.isFinite else { return nil }
            return Int(exactly: d).map(RawValue.integer) ?? .number(d)
        }
        var rng = SplitMix64(seed: 33)
        for _ in 0..<20000 {
            let integer = String((0..<(1 + Int(rng.next() % 20))).map { _ in Character(String(rng.next() % 10)) })
                .drop { $0 == "0" }
            var text = (rng.next() % 3 == 0 ? "-" : "") + (integer.isEmpty ? "0" : String(integer))
            if rng.next() % 3 != 0 {
                text += "." + String((0..<(1 + Int(rng.next() % 17))).map { _ in Character(String(rng.next() % 10)) })
            }
            if rng.next() % 8 == 0 { text += "e" + String(Int(rng.next() % 40) - 20) }
            let body = ByteBuffer(string: text)
            let fast = body.withUnsafeReadableBytes { bytes -> RawValue? in
                var scanner = JSONScanner(bytes)
                return try? scanner.number()
            }
            #expect(fast == plain(text), "\(text)")
        }
    }
}
