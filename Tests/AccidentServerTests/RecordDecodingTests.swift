import Hummingbird
import Testing
@testable import AccidentServer

@Suite("Record decoding from JSON")
struct RecordDecodingTests {
    let schema = RecordSchema(fields: LogisticTestBackend.fields)

    func decode(_ json: String) throws -> PredictionRecord {
        try RecordDecoding.record(json: ByteBuffer(string: json), schema: schema)
    }

    func rejection(_ json: String) -> RecordValidationError? {
        do { _ = try decode(json); return nil } catch { return error as? RecordValidationError }
    }

    @Test func valuesLandInSchemaOrderWhateverTheKeyOrder() throws {
        let record = try decode(#"{"vma": 80, "catu": 1, "place": 2}"#)
        #expect(record == PredictionRecord(values: [1, 2, 80]))
    }

    @Test func absentNullAndMinusOneAreMissing() throws {
        #expect(try decode(#"{"catu": 2}"#) == PredictionRecord(values: [2, .nan, .nan]))
        #expect(try decode(#"{"catu": 2, "place": null, "vma": -1}"#) == PredictionRecord(values: [2, .nan, .nan]))
    }

    @Test func missingRequiredFieldIsNamed() {
        #expect(rejection(#"{"vma": 50}"#)?.field == "catu")
        #expect(rejection(#"{"catu": -1}"#)?.field == "catu")
        #expect(rejection(#"{"catu": null}"#)?.message == InputField.missingMessage)
    }

    @Test func codeOutsideTheListIsNamed() {
        let e = rejection(#"{"catu": 7}"#)
        #expect(e?.field == "catu")
        #expect(e?.message == "7 is not allowed; expected one of 1, 2, 3")
    }

    @Test func valueOutsideTheRangeIsNamed() {
        let e = rejection(#"{"catu": 1, "vma": 250}"#)
        #expect(e?.field == "vma")
        #expect(e?.message.contains("from 0 to 130") == true)
    }

    @Test func wrongTypesAreNamed() {
        #expect(rejection(#"{"catu": "1"}"#)?.field == "catu")
        #expect(rejection(#"{"catu": true}"#)?.field == "catu")
        #expect(rejection(#"{"catu": 1, "vma": [50]}"#)?.field == "vma")
        #expect(rejection(#"{"catu": 1.5}"#)?.message == "expected an integer, got 1.5")
    }

    @Test func unknownFieldsAreRefused() {
        let e = rejection(#"{"catu": 1, "vitesse": 50}"#)
        #expect(e?.field == "vitesse")
        #expect(e?.message.contains("catu, place, vma") == true)
    }

    @Test func malformedJSONIsNotAFieldError() {
        for body in [#"{"catu": 1"#, "catu=1", "{\"catu\": }"] {
            #expect(throws: MalformedBodyError.self) { try decode(body) }
        }
        #expect(throws: MalformedBodyError.self) { try decode("") }
    }

    @Test func anArrayIsNotOneRecord() {
        #expect(throws: BodyShapeError.self) { try decode(#"[{"catu": 1}]"#) }
    }

    @Test func batchErrorsCarryTheRecordIndex() throws {
        let body = ByteBuffer(string: #"[{"catu": 1}, {"catu": 2, "vma": 40}, {"catu": 9}]"#)
        do {
            _ = try RecordDecoding.batch(json: body, schema: schema, maxCount: 10)
            Issue.record("the third record is invalid")
        } catch let e as RecordValidationError {
            #expect(e == RecordValidationError(recordIndex: 2, field: "catu", message: "9 is not allowed; expected one of 1, 2, 3"))
        }
        let nonObject = ByteBuffer(string: #"[{"catu": 1}, 5]"#)
        #expect(throws: RecordValidationError(recordIndex: 1, field: "",
                                              message: "expected a JSON object of BAAC fields (catu, place, vma)")) {
            try RecordDecoding.batch(json: nonObject, schema: schema, maxCount: 10)
        }
    }

    @Test func batchDecodesEveryRecordInOrder() throws {
        let records = try RecordDecoding.batch(json: ByteBuffer(string: #"[{"catu": 1}, {"catu": 3, "place": 10}]"#),
                                               schema: schema, maxCount: 2)
        #expect(records == [PredictionRecord(values: [1, .nan, .nan]), PredictionRecord(values: [3, 10, .nan])])
    }

    @Test func batchOverTheLimitIsRefusedBeforeDecoding() {
        let body = ByteBuffer(string: #"[{"catu": 1}, {"catu": 1}, {"catu": "not even checked"}]"#)
        #expect(throws: BatchTooLargeError.self) { try RecordDecoding.batch(json: body, schema: schema, maxCount: 2) }
    }
}
