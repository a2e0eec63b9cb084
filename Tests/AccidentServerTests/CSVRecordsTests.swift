import AccidentML
import Hummingbird
import Testing
@testable import AccidentRequests
@testable import AccidentServer

@Suite("Record decoding from CSV")
struct CSVRecordsTests {
    let fields: [InputField]

    init() throws { fields = try TestModels.model(.personLogistic).input.inputFields }

    func decode(_ csv: String, max: Int = 10) throws -> [RawRecord] {
        try CSVRecords.decode(ByteBuffer(string: csv), fields: fields, maxCount: max)
    }

    @Test func cellsBecomeIntegersNumbersTextOrNull() throws {
        let records = try decode("catu,an,mois,jour,lat,dep,hrmn,vma\n1,2021,6,15,41.9,2A,17:45,\n3,2021,6,15,,01,8:05,50\n")
        #expect(records == [
            ["catu": 1, "an": 2021, "mois": 6, "jour": 15, "lat": 41.9, "dep": "2A", "hrmn": "17:45", "vma": nil],
            ["catu": 3, "an": 2021, "mois": 6, "jour": 15, "lat": nil, "dep": 1, "hrmn": "8:05", "vma": 50],
        ])
    }

    @Test func crlfBomQuotesSpacesAndBlankLinesAreTolerated() throws {
        let records = try decode("\u{FEFF}\"catu\", an,mois,jour\r\n 3 ,\"2021\",6,1\r\n\r\n2,2021,6,2\r\n")
        #expect(records == [["catu": 3, "an": 2021, "mois": 6, "jour": 1], ["catu": 2, "an": 2021, "mois": 6, "jour": 2]])
    }

    @Test func headerProblemsNameTheColumn() {
        for (csv, column) in [("catu,an,mois,jour,speed\n1,2021,6,1,2\n", "speed"),
                              ("catu,catu,an,mois,jour\n1,1,2021,6,1\n", "catu"),
                              ("an,mois,jour\n2021,6,1\n", "catu"),
                              ("catu,an,mois,jour,other_catv\n1,2021,6,1,7\n", "other_catv")] {
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
        #expect(throws: MalformedBodyError.self) { try decode("catu,an,mois,jour\n1\n") }
        #expect(throws: MalformedBodyError.self) { try decode("\n\n") }
    }

    @Test func rowsOverTheLimitAreRefused() throws {
        let header = "catu,an,mois,jour\n"
        #expect(try decode(header + "1,2021,6,1\n2,2021,6,1\n", max: 2).count == 2)
        #expect(throws: BatchTooLargeError.self) { try decode(header + "1,2021,6,1\n2,2021,6,1\n3,2021,6,1\n", max: 2) }
    }
}
