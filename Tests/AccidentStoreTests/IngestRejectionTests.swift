import Testing
@testable import AccidentStore

@Suite struct IngestRejectionTests {
    @Test func readsTheCopyLineOfAnErrorContext() {
        #expect(IngestRejection.copyLine(in: "COPY vehicles, line 3, column senc: \"x\"", table: "vehicles") == 3)
        #expect(IngestRejection.copyLine(in: "COPY users, line 12", table: "users") == 12)
        #expect(IngestRejection.copyLine(in: "COPY users, line 12", table: "vehicles") == nil)
        #expect(IngestRejection.copyLine(in: "SQL statement", table: "users") == nil)
    }

    @Test func readsTheKeyOfAnErrorDetail() throws {
        let key = try #require(IngestRejection.key(
            in: "Key (accident_id, year)=(202100000099, 2021) is not present in table \"accidents\"."))
        #expect(key.map(\.column) == ["accident_id", "year"])
        #expect(key.map(\.value) == ["202100000099", "2021"])
        #expect(IngestRejection.key(in: "Failing row contains (1, 2).") == nil)
    }
}
