import AccidentML
import Hummingbird
import Testing
@testable import AccidentRequests
@testable import AccidentServer

@Suite("Record decoding from JSON")
struct RecordDecodingTests {
    func decode(_ json: String) throws -> RawRecord {
        try RecordDecoding.record(json: ByteBuffer(string: json))
    }

    @Test func valuesKeepTheirJSONTypesAndNesting() throws {
        let record = try decode(#"{"an": 2021, "lat": 41.92, "dep": "2A", "hrmn": "17:45", "fixed_obstacle": true, "#
                                + #""vma": null, "other_catv": [7, 33], "vehicles": [{"catv": 7.0}]}"#)
        #expect(record == ["an": 2021, "lat": 41.92, "dep": "2A", "hrmn": "17:45", "fixed_obstacle": true, "vma": nil,
                           "other_catv": [7, 33], "vehicles": [["catv": 7]]])
    }

    @Test func wholeNumbersAreIntegersWhateverTheirSpelling() throws {
        #expect(try decode(#"{"a": 1e2, "b": 50.0, "c": -0, "d": 1.5, "e": 12345678901234567890}"#)
                == ["a": 100, "b": 50, "c": 0, "d": 1.5, "e": .number(1.2345678901234567e19)])
    }

    @Test func malformedJSONIsNotAFieldError() {
        for body in [#"{"catu": 1"#, "catu=1", "{\"catu\": }", ""] {
            #expect(throws: MalformedBodyError.self) { try decode(body) }
        }
    }

    @Test func anArrayIsNotOneRecord() {
        #expect(throws: BodyShapeError.self) { try decode(#"[{"catu": 1}]"#) }
        #expect(throws: BodyShapeError.self) { try decode("null") }
    }

    @Test func batchElementsThatAreNotObjectsAreNamedByIndex() throws {
        let body = ByteBuffer(string: #"[{"catu": 1}, 5]"#)
        #expect(throws: RecordValidationError(recordIndex: 1, path: "", message: JSONRecords.notAnObject)) {
            try RecordDecoding.batch(json: body, maxCount: 10)
        }
    }

    @Test func batchDecodesEveryRecordInOrder() throws {
        let records = try RecordDecoding.batch(json: ByteBuffer(string: #"[{"catu": 1}, {"catu": 3, "place": 10}]"#),
                                               maxCount: 2)
        #expect(records == [["catu": 1], ["catu": 3, "place": 10]])
    }

    @Test func batchOverTheLimitIsRefusedBeforeDecoding() {
        let body = ByteBuffer(string: #"[{"catu": 1}, {"catu": 1}, 3]"#)
        #expect(throws: BatchTooLargeError.self) { try RecordDecoding.batch(json: body, maxCount: 2) }
    }
}
