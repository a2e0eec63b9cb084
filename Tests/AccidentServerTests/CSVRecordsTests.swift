import Hummingbird
import Testing
@testable import AccidentServer

@Suite("Record decoding from CSV")
struct CSVRecordsTests {
    let schema = RecordSchema(fields: LogisticTestBackend.fields)

    func decode(_ csv: String, max: Int = 10) throws -> [PredictionRecord] {
        try CSVRecords.decode(ByteBuffer(string: csv), schema: schema, maxCount: max)
    }

    @Test func headerOrderMapsToSchemaOrder() throws {
        let records = try decode("vma,catu\n80,1\n,3\n")
        #expect(records == [PredictionRecord(values: [1, .nan, 80]), PredictionRecord(values: [3, .nan, .nan])])
    }

    @Test func crlfBomQuotesSpacesAndBlankLinesAreTolerated() throws {
        let records = try decode("\u{FEFF}\"catu\", place\r\n 3 ,\"10\"\r\n\r\n2,-1\r\n")
        #expect(records == [PredictionRecord(values: [3, 10, .nan]), PredictionRecord(values: [2, .nan, .nan])])
    }

    @Test func cellErrorsNameTheDataRowAndField() {
        #expect(throws: RecordValidationError(recordIndex: 1, field: "vma", message: "expected a number (integer), found 'vite'")) {
            try decode("catu,vma\n1,50\n2,vite\n")
        }
        #expect(throws: RecordValidationError(recordIndex: 0, field: "catu", message: InputField.missingMessage)) {
            try decode("catu,vma\n,50\n")
        }
    }

    @Test func headerProblemsNameTheColumn() {
        for (csv, column) in [("catu,speed\n1,2\n", "speed"), ("catu,catu\n1,1\n", "catu"), ("vma\n50\n", "catu")] {
            do {
                _ = try decode(csv)
                Issue.record("\(csv) should be refused")
            } catch let e as BodyShapeError {
                #expect(e.field == column)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func raggedLinesAndEmptyBodiesAreMalformed() {
        #expect(throws: MalformedBodyError.self) { try decode("catu,vma\n1\n") }
        #expect(throws: MalformedBodyError.self) { try decode("\n\n") }
    }

    @Test func rowsOverTheLimitAreRefused() throws {
        #expect(try decode("catu\n1\n2\n", max: 2).count == 2)
        #expect(throws: BatchTooLargeError.self) { try decode("catu\n1\n2\n3\n", max: 2) }
    }
}
