import AccidentML
import AccidentTestSupport
import Testing
@testable import AccidentStore

/// The real 2021 rows of `../shared/data/baac-raw-sample/2021`, read by `BAACReader`, through the store.
@Suite(.requiresDatabase, .requiresSharedData)
struct RealSampleIngestTests {
    static func readSample() throws -> BAACTables {
        try BAACReader().read(folder: try SharedData.url("baac-raw-sample/2021")).tables
    }

    @Test(arguments: IngestMethod.allCases)
    func theSampleIsStoredWithItsRowCountsAndReadBackEqual(method: IngestMethod) async throws {
        let tables = try Self.readSample()
        try await TestDatabase.withFreshSchema { configuration in
            let store = AccidentStore(configuration: configuration, logger: TestDatabase.logger)
            try await store.migrate()
            let summary = try await store.ingest(tables, year: 2021, method: method)
            // The counts of the sample's README, not of the tables just read.
            #expect(summary == IngestSummary(year: 2021, accidents: 65, places: 65, vehicles: 114, users: 175, replaced: 0))
            var stored: [String: Int] = [:]
            for table in ["accidents", "places", "vehicles", "users"] {
                stored[table] = try await TestDatabase.integer(
                    "SELECT count(*) FROM \(table) WHERE year = 2021", on: configuration)
            }
            #expect(stored == ["accidents": 65, "places": 65, "vehicles": 114, "users": 175])
            let loaded = try await store.loadTables(years: 2021...2021)
            #expect(loaded == tables)
        }
    }
}
