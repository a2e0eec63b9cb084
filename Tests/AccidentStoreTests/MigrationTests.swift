import AccidentTestSupport
import Testing
@testable import AccidentStore

@Suite(.requiresDatabase)
struct MigrationTests {
    @Test func migratesAnEmptySchemaThenAppliesNothingOnARerun() async throws {
        try await TestDatabase.withFreshSchema { configuration in
            let store = AccidentStore(configuration: configuration, logger: TestDatabase.logger)
            let first = try await store.migrate()
            #expect(first == Migration.all.map(\.version))
            let second = try await store.migrate()
            #expect(second == [])
            let recorded = try await TestDatabase.integer("SELECT count(*) FROM schema_migrations", on: configuration)
            #expect(recorded == Migration.all.count)
            for table in ["accidents", "places", "vehicles", "users", "predictions"] {
                let count = try await TestDatabase.integer("SELECT count(*) FROM \(table)", on: configuration)
                #expect(count == 0, "\(table)")
            }
            let commented = try await TestDatabase.integer("""
                SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid
                WHERE c.relname = 'users' AND c.relnamespace = to_regnamespace('\(configuration.schema!)')
                """, on: configuration)
            #expect(commented > 10)
        }
    }

    @Test func concurrentMigrationsApplyEachVersionOnce() async throws {
        try await TestDatabase.withFreshSchema { configuration in
            let store = AccidentStore(configuration: configuration, logger: TestDatabase.logger)
            async let first = store.migrate()
            async let second = store.migrate()
            let applied = try await first + second
            #expect(applied.sorted() == Migration.all.map(\.version))
        }
    }

    @Test func refusesAnAppliedMigrationThatWasEdited() async throws {
        try await TestDatabase.withFreshSchema { configuration in
            let store = AccidentStore(configuration: configuration, logger: TestDatabase.logger)
            let original = Migration(version: 1, name: "t", statements: ["CREATE TABLE t (a integer)"])
            try await store.migrate([original])
            let edited = Migration(version: 1, name: "t", statements: ["CREATE TABLE t (a bigint)"])
            await #expect(throws: AccidentStoreError.migrationChanged(version: 1, name: "t")) {
                try await store.migrate([edited])
            }
            await #expect(throws: AccidentStoreError.unknownMigration(version: 1, name: "t")) {
                try await store.migrate([Migration(version: 2, name: "u", statements: ["SELECT 1"])])
            }
        }
    }

    @Test func aFailingMigrationLeavesNoTrace() async throws {
        try await TestDatabase.withFreshSchema { configuration in
            let store = AccidentStore(configuration: configuration, logger: TestDatabase.logger)
            let broken = Migration(version: 1, name: "broken", statements: [
                "CREATE TABLE half (a integer)", "CREATE TABLE oops (a nosuchtype)",
            ])
            await #expect(throws: AccidentStoreError.self) { try await store.migrate([broken]) }
            let tables = try await TestDatabase.integer(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '\(configuration.schema!)' AND table_name = 'half'",
                on: configuration)
            #expect(tables == 0)
            let recorded = try await TestDatabase.integer("SELECT count(*) FROM schema_migrations", on: configuration)
            #expect(recorded == 0)
        }
    }
}
