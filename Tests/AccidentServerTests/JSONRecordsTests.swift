import AccidentML
import Foundation
import Hummingbird
import Testing
@testable import AccidentRequests
@testable import AccidentServer

/// The fast record decoders (`JSONRecords`, a byte scanner) against the plain ones
/// (`RecordDecoding`, Foundation's `JSONDecoder` decoding the core's `RawRecord`) on seeded
/// random documents: the same records, or the same kind of error.
@Suite("Fast JSON record decoding")
struct JSONRecordsTests {
    /// What a decoder made of a document, comparable across decoders.
    enum Outcome: Equatable, CustomStringConvertible {
        case records([RawRecord])
        case invalid(RecordValidationError)
        case malformed
        case shape(String?)
        case tooLarge

        init(_ body: () throws -> [RawRecord]) {
            do { self = .records(try body()) } catch let e as RecordValidationError { self = .invalid(e) }
            catch is MalformedBodyError { self = .malformed }
            catch let e as BodyShapeError { self = .shape(e.field) }
            catch is BatchTooLargeError { self = .tooLarge }
            catch { fatalError("unexpected \(error)") }
        }

        var description: String {
            switch self {
            case .records(let r): return "records \(r.map(\.fields))"
            case .invalid(let e): return "invalid \(e)"
            case .malformed: return "malformed"
            case .shape(let f): return "shape \(f ?? "-")"
            case .tooLarge: return "too large"
            }
        }
    }

    /// A random value, mostly ones a record field could hold, some of every other JSON type.
    static func value(_ rng: inout SplitMix64, depth: Int = 0) -> String {
        let numbers = ["1", "2", "3", "10", "0", "-1", "4", "130", "131", "50.0", "1.5", "1e2", "-0", "2E0", "99999",
                       "-0.0", "1E-2", "1.5e300", "12345678901234567890", "0.1", "-7.25e1"]
        switch rng.next() % 10 {
        case 0..<6: return numbers[Int(rng.next() % UInt64(numbers.count))]
        case 6: return "null"
        case 7: return ["true", "false", #""3""#, #""é\n\u00e9""#][Int(rng.next() % 4)]
        case 8 where depth < 2: return "[" + (0..<Int(rng.next() % 3)).map { _ in value(&rng, depth: depth + 1) }.joined(separator: ",") + "]"
        default: return depth < 2 ? object(&rng, depth: depth + 1) : "{}"
        }
    }

    /// A random object with distinct keys: the schema's, unknown ones, and escaped spellings.
    static func object(_ rng: inout SplitMix64, depth: Int = 0) -> String {
        var keys = ["catu", "place", "vma", "lum", "c\\u0061tu", "zz"].filter { _ in rng.next() % 3 != 0 }
        if rng.next() % 4 == 0 { keys.removeAll { $0 == "catu" || $0 == "c\\u0061tu" } }
        if keys.contains("catu") && keys.contains("c\\u0061tu") { keys.removeAll { $0 == "c\\u0061tu" } }
        let spaces = [" ", "", "\n\t", "\r\n "]
        return "{" + keys.map { spaces[Int(rng.next() % 4)] + "\"\($0)\":" + spaces[Int(rng.next() % 4)] + value(&rng, depth: depth) }
            .joined(separator: ",") + spaces[Int(rng.next() % 4)] + "}"
    }

    /// Deletes or inserts a byte at random, or leaves the document alone.
    static func corrupt(_ text: String, _ rng: inout SplitMix64) -> String {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return text }
        let at = Int(rng.next() % UInt64(bytes.count))
        switch rng.next() % 6 {
        case 0: bytes.remove(at: at)
        case 1:
            let inserts = Array("{}[]\":,x0 -".utf8)
            bytes.insert(inserts[Int(rng.next() % UInt64(inserts.count))], at: at)
        default: break
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func compare(_ text: String, batch: Bool, maxCount: Int = 3) {
        let body = ByteBuffer(string: text)
        let plain = Outcome { batch ? try RecordDecoding.batch(json: body, maxCount: maxCount)
                                    : [try RecordDecoding.record(json: body)] }
        let fast = Outcome { batch ? try JSONRecords.batch(body, maxCount: maxCount)
                                   : [try JSONRecords.record(body)] }
        if fast == .malformed && plain != .malformed {
            // JSONDecoder checks numbers and strings lazily and tolerates trailing commas; the
            // fast path follows RFC 8259. Such a document must be invalid to Foundation's strict
            // parser (JSONSerialization), unless it has a trailing comma (which that one accepts).
            let strictRejects = (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) == nil
            #expect(strictRejects || Self.hasTrailingComma(text), "fast path refused valid JSON: \(text)")
            return
        }
        #expect(fast == plain, "\(text)")
    }

    static func hasTrailingComma(_ text: String) -> Bool {
        text.utf8.enumerated().contains { i, b in
            b == UInt8(ascii: ",") && text.utf8.dropFirst(i + 1).first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
                .map { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") } == true
        }
    }

    @Test func singleRecordsAgreeWithJSONDecoder() {
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<3000 { compare(Self.corrupt(Self.object(&rng), &rng), batch: false) }
    }

    @Test func batchesAgreeWithJSONDecoder() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<1500 {
            let elements = (0..<Int(rng.next() % 5)).map { _ in rng.next() % 8 == 0 ? Self.value(&rng) : Self.object(&rng) }
            compare(Self.corrupt("[" + elements.joined(separator: ", ") + "]", &rng), batch: true)
        }
    }

    @Test func handPickedDocuments() {
        for text in [#"{"catu": 1}"#, TestRecords.accident, TestRecords.pedestrian, #"{"hrmn": "17:45", "dep": "2A"}"#, #" {"catu":3,"place":10} "#, "", " ", "{}", "[]", "null", "1", #""x""#,
                     #"{"catu": 01}"#, #"{"catu": 1.}"#, #"{"catu": .5}"#, #"{"catu": +1}"#, #"{"catu": 1} x"#,
                     #"{"catu": 1}{"#, #"{"c\u0061tu": 2}"#, #"{"catu": 1, "zz": "\ud83d\ude91"}"#,
                     #"{"catu": 1, "zz": "\ud83d"}"#, "{\"catu\": 1, \"zz\": \"tab\there\"}", #"{"catu": nul}"#,
                     #"{"catu": 1 "vma": 2}"#, #"{"catu" 1}"#, #"{catu: 1}"#] {
            compare(text, batch: false)
            compare("[\(text)]", batch: true)
        }
        compare(#"[{"catu": 1}, {"catu": 1}, {"catu": 1}, {"catu": 9}]"#, batch: true)
        compare(#"[{"catu": 9}, 4, {"catu": 1}]"#, batch: true)
    }
}
