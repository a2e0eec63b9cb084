import AccidentML
import AccidentTestSupport
import Testing
@testable import AccidentStore

@Suite(.requiresDatabase)
struct IngestTests {
    /// A migrated store in a fresh schema.
    private func withStore(_ body: (AccidentStore, StoreConfiguration) async throws -> Void) async throws {
        try await TestDatabase.withFreshSchema { configuration in
            let store = AccidentStore(configuration: configuration, logger: TestDatabase.logger)
            try await store.migrate()
            try await body(store, configuration)
        }
    }

    private func rowCounts(_ configuration: StoreConfiguration) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["accidents", "places", "vehicles", "users"] {
            counts.append(try await TestDatabase.integer("SELECT count(*) FROM \(table)", on: configuration))
        }
        return counts
    }

    @Test(arguments: IngestMethod.allCases)
    func roundTripIsExact(method: IngestMethod) async throws {
        try await withStore { store, _ in
            let tables = BAACFixtures.handBuilt(year: 2021)
            let summary = try await store.ingest(tables, year: 2021, method: method)
            #expect(summary == IngestSummary(year: 2021, accidents: 4, places: 4, vehicles: 5, users: 6, replaced: 0))
            let loaded = try await store.loadTables(years: 2021...2021)
            #expect(loaded == tables)
        }
    }

    @Test(arguments: IngestMethod.allCases)
    func missingValuesAreStoredAsNull(method: IngestMethod) async throws {
        try await withStore { store, configuration in
            let t = BAACFixtures.handBuilt(year: 2021)
            try await store.ingest(t, year: 2021, method: method)
            // One column of each stored type: NULL exactly where the record holds its missing value.
            let expected: [(sql: String, count: Int)] = [
                ("accidents WHERE month IS NULL", t.accidents.filter { $0.month == -1 }.count),
                ("accidents WHERE departement IS NULL", t.accidents.filter { $0.departement == -1 }.count),
                ("accidents WHERE commune IS NULL", t.accidents.filter { $0.commune == -1 }.count),
                ("accidents WHERE latitude IS NULL", t.accidents.filter { $0.latitude.isNaN }.count),
                ("places WHERE road_width IS NULL", t.places.filter { $0.roadWidth.isNaN }.count),
                ("vehicles WHERE vehicle_id IS NULL", t.vehicles.filter { $0.vehicleID == -1 }.count),
                ("users WHERE vehicle_number IS NULL", t.users.filter { $0.vehicleNumber == .missing }.count),
                ("users WHERE grav = -1 OR birth_year = -1 OR user_id = -1", 0),
            ]
            for (sql, count) in expected {
                let stored = try await TestDatabase.integer("SELECT count(*) FROM \(sql)", on: configuration)
                #expect(stored == count, "\(sql)")
                #expect(count > 0 || sql.contains("-1"), "the fixture must exercise \(sql)")
            }
        }
    }

    @Test func copyAndInsertStoreTheSameRandomTables() async throws {
        try await withStore { store, _ in
            // Several COPY chunks (~0.8 MB of text) and several INSERT statements per table.
            let tables = BAACFixtures.random(year: 2020, accidents: 3000, seed: 7)
            try await store.ingest(tables, year: 2020, method: .copy)
            let viaCopy = try await store.loadTables(years: 2020...2020)
            #expect(viaCopy == tables)
            try await store.ingest(tables, year: 2020, method: .insert)
            let viaInsert = try await store.loadTables(years: 2020...2020)
            #expect(viaInsert == viaCopy)
        }
    }

    @Test func reingestingAYearReplacesItWithoutDuplicates() async throws {
        try await withStore { store, configuration in
            let tables = BAACFixtures.handBuilt(year: 2021)
            try await store.ingest(tables, year: 2021)
            let counts = try await rowCounts(configuration)
            let again = try await store.ingest(tables, year: 2021)
            #expect(again.replaced == counts.reduce(0, +))
            let countsAgain = try await rowCounts(configuration)
            #expect(countsAgain == counts)
            let reloaded = try await store.loadTables(years: 2021...2021)
            #expect(reloaded == tables)
        }
    }

    @Test func yearsAreIsolated() async throws {
        try await withStore { store, _ in
            let y2020 = BAACFixtures.handBuilt(year: 2020), y2021 = BAACFixtures.handBuilt(year: 2021)
            try await store.ingest(y2021, year: 2021)
            try await store.ingest(y2020, year: 2020)
            var both = y2020
            both.append(contentsOf: y2021)
            let bothYears = try await store.loadTables(years: 2019...2022)
            #expect(bothYears == both)
            // Replacing 2021 with fewer rows leaves 2020 untouched.
            let smaller = BAACFixtures.random(year: 2021, accidents: 3, seed: 1)
            try await store.ingest(smaller, year: 2021)
            let loaded2020 = try await store.loadTables(years: 2020...2020)
            #expect(loaded2020 == y2020)
            let loaded2021 = try await store.loadTables(years: 2021...2021)
            #expect(loaded2021 == smaller)
            let laterYears = try await store.loadTables(years: 2022...2030)
            #expect(laterYears == BAACTables())
        }
    }

    @Test func aChildOfAnotherYearsAccidentIsRefused() async throws {
        try await withStore { store, _ in
            try await store.ingest(BAACFixtures.handBuilt(year: 2020), year: 2020)
            var tables = BAACFixtures.handBuilt(year: 2021)
            tables.places[1].accidentID = 2020 * 100_000_000 + 2 // exists, but in 2020
            await #expect(throws: AccidentStoreError.self) { try await store.ingest(tables, year: 2021) }
        }
    }

    @Test(arguments: IngestMethod.allCases)
    func aFailingIngestRollsBackTheYearAndNamesTheRow(method: IngestMethod) async throws {
        try await withStore { store, configuration in
            let original = BAACFixtures.handBuilt(year: 2021)
            try await store.ingest(original, year: 2021)
            let counts = try await rowCounts(configuration)

            var broken = BAACFixtures.random(year: 2021, accidents: 50, seed: 3)
            let orphan = Vehicle(accidentID: 2021_999_999_99, number: VehicleNumber("A01")!)
            broken.vehicles.insert(orphan, at: 17)
            do {
                try await store.ingest(broken, year: 2021, method: method)
                Issue.record("an orphan vehicle was accepted")
            } catch let error as AccidentStoreError {
                guard case .rowRejected(let table, let row, let key, let reason) = error else {
                    Issue.record("unexpected error \(error)"); return
                }
                #expect(table == "vehicles")
                #expect(row == 17)
                #expect(key == "accident 202199999999, vehicle A01")
                #expect(reason.contains("23503")) // foreign_key_violation
                #expect(error.description.contains("vehicles[17]"))
            }
            let countsAfter = try await rowCounts(configuration)
            #expect(countsAfter == counts)
            let reloaded = try await store.loadTables(years: 2021...2021)
            #expect(reloaded == original)
        }
    }

    @Test func aDuplicateRowIsNamedByItsCopyLine() async throws {
        try await withStore { store, _ in
            var tables = BAACFixtures.handBuilt(year: 2021)
            tables.places.append(tables.places[2]) // second place for accident 3
            await #expect(throws: AccidentStoreError.rowRejected(
                table: "places", row: 4, key: "accident 202100000003",
                reason: "duplicate key value violates unique constraint \"places_pkey\" [SQLSTATE 23505]; "
                    + "Key (accident_id)=(202100000003) already exists.")) {
                try await store.ingest(tables, year: 2021)
            }
            let loaded = try await store.loadTables(years: 2021...2021)
            #expect(loaded == BAACTables())
        }
    }

    @Test func rowsTheSchemaCannotCheckAreRefusedBeforeWriting() async throws {
        try await withStore { store, _ in
            var wrongYear = BAACFixtures.handBuilt(year: 2021)
            wrongYear.accidents[3].year = 2020
            await #expect(throws: AccidentStoreError.invalidRow(
                table: "accidents", row: 3, key: "accident 202100000004",
                reason: "its year 2020 is not the ingested year 2021")) {
                try await store.ingest(wrongYear, year: 2021)
            }
            var badNumber = BAACFixtures.handBuilt(year: 2021)
            badNumber.users[4].vehicleNumber = VehicleNumber(packed: 0xE9)
            await #expect(throws: AccidentStoreError.self) { try await store.ingest(badNumber, year: 2021) }
        }
    }

    @Test func anUnreachableDatabaseIsReportedAsUnavailable() async throws {
        var configuration = try TestDatabase.configuration()
        configuration.port = try ClosedPort.make()
        let store = AccidentStore(configuration: configuration, logger: TestDatabase.logger)
        do {
            _ = try await store.loadTables(years: 2021...2021)
            Issue.record("a closed port answered")
        } catch let error as AccidentStoreError {
            guard case .unavailable = error else { Issue.record("unexpected error \(error)"); return }
            #expect(!error.description.contains(configuration.password ?? "\u{0}"))
        }
    }
}
