import AccidentML
import AccidentTestSupport
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentRequests
@testable import AccidentServer

/// The server reads a CSV cell as `train` does (issue 16, item 7): hexadecimal and out-of-range
/// numbers are text, not numbers, and a repeated column is refused.
@Suite("CSV cells read with the core's rules")
struct CSVRulesTests {
    let fields: [InputField]

    init() throws { fields = try TestModels.model(.personLogistic).input.inputFields }

    func an(_ cell: String) throws -> RawValue? {
        try CSVRecords.decode(ByteBuffer(string: "catu,an,mois,jour\n1,\(cell),6,15\n"), fields: fields, maxCount: 10)[0]["an"]
    }

    @Test func hexadecimalInfinityAndOutOfRangeAreNotNumbers() throws {
        #expect(try an("0x7e5") == .string("0x7e5"))
        #expect(try an("1e300") == .string("1e300"))
        #expect(try an("inf") == .string("inf"))
        #expect(try an("nan") == .string("nan"))
        #expect(try an("1e30") == .number(1e30))
        #expect(try an(" 2021 ") == .integer(2021))
        #expect(try an("\"20\"\"21\"") == .string("20\"21"))
    }

    @Test func theServerAndTheFileReaderAgreeOnEveryCell() throws {
        let folder = try TemporaryFolder()
        let cells = ["0x7e5", "1e300", "-1e39", "3.4e38", "1e-5", "44,5", "+7", "--1", "1.2.3", "", "0007", "9e18", "2A"]
        for cell in cells {
            let server = try an("\"\(cell)\"")
            let file = try folder.write("cell.csv", "a\n\"\(cell)\"\n")
            switch Result(catching: { try NumericCSV.loadFeatures(file, as: Double.self).storage[0] }) {
            case .success(let v) where v.isNaN: #expect(server == .null, "\(cell)")
            case .success(let v): #expect(server == .integer(Int(exactly: v) ?? -1) || server == .number(v), "\(cell)")
            case .failure: #expect(server == .string(cell), "\(cell)")
            }
        }
    }

    @Test func aHexYearIsRefusedByThePredictionRoute() async throws {
        let server = try await TestServer.make(.personLogistic)
        try await server.makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict/batch", "catu,an,mois,jour\n1,0x7e5,6,15\n", contentType: "text/csv")
            #expect(r.status == .unprocessableContent)
            #expect(try r.error()["field"] as? String == "[0].an")
        }
    }

    @Test func aRepeatedColumnAndABrokenQuoteAreRefused() {
        #expect(throws: BodyShapeError.self) {
            try CSVRecords.decode(ByteBuffer(string: "catu,an,an,mois,jour\n1,2021,2021,6,15\n"), fields: fields, maxCount: 10)
        }
        #expect(throws: MalformedBodyError.self) {
            try CSVRecords.decode(ByteBuffer(string: "catu,an,mois,jour\n1,\"2021,6,15\n"), fields: fields, maxCount: 10)
        }
    }
}
