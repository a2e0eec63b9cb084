import Foundation
import PostgresNIO
import Testing
import AccidentTestSupport
@testable import AccidentStore

/// The PostgreSQL server of the database command tests: `ACCIDENTML_DATABASE_URL`, as printed by
/// `scripts/services/postgres.sh url` (the same rule as `Tests/AccidentStoreTests`). Each test
/// works in a schema of its own, dropped afterwards, so tests run in parallel.
enum TestDatabaseServer {
    /// A schema on the server, as the URL and configuration the tool and the store take.
    struct Schema {
        /// `postgres://…&schema=<name>`.
        let url: String
        /// The same, parsed.
        let configuration: StoreConfiguration
        /// The password of the URL (nil when it has none), which no output may show.
        let password: String?
    }

    /// Runs `body` with a new, empty schema, dropped afterwards.
    static func withSchema<Result>(_ body: (Schema) async throws -> Result) async throws -> Result {
        let base = try TestEnvironment.requireDatabaseURL()
        let name = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        var components = try #require(URLComponents(string: base))
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "schema", value: name)]
        let schemaURL = try #require(components.string)
        let server = try StoreConfiguration(url: base)
        try await execute("CREATE SCHEMA \(name)", on: server)
        let schema = Schema(url: schemaURL, configuration: try StoreConfiguration(url: schemaURL), password: server.password)
        do {
            let result = try await body(schema)
            try await execute("DROP SCHEMA \(name) CASCADE", on: server)
            return result
        } catch {
            try? await execute("DROP SCHEMA \(name) CASCADE", on: server)
            throw error
        }
    }

    /// Runs one statement on a connection of its own.
    private static func execute(_ sql: String, on configuration: StoreConfiguration) async throws {
        var logger = Logger(label: "accidentml.train.tests")
        logger.logLevel = .warning
        let connection = try await configuration.connect(logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
