import Foundation
import Logging
import PostgresNIO
import Testing
import AccidentTestSupport
@testable import AccidentStore

/// The real PostgreSQL server the store tests use: `ACCIDENTML_DATABASE_URL`, as printed by
/// `scripts/services/postgres.sh url`. Each test works in a schema of its own, dropped afterwards,
/// so tests run in parallel without seeing each other.
enum TestDatabase {
    static let logger: Logger = {
        var logger = Logger(label: "accidentml.store.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// The server's configuration, without a schema; records an issue under CI when missing.
    static func configuration() throws -> StoreConfiguration {
        return try StoreConfiguration(url: try TestEnvironment.requireDatabaseURL())
    }

    /// Runs `body` with a configuration whose schema is new and empty, dropped afterwards.
    static func withFreshSchema<Result>(_ body: (StoreConfiguration) async throws -> Result) async throws -> Result {
        var configuration = try configuration()
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await execute("CREATE SCHEMA \(schema)", on: configuration)
        configuration.schema = schema
        do {
            let result = try await body(configuration)
            try await execute("DROP SCHEMA \(schema) CASCADE", on: try self.configuration())
            return result
        } catch {
            try? await execute("DROP SCHEMA \(schema) CASCADE", on: try self.configuration())
            throw error
        }
    }

    /// Runs one statement on a connection of its own.
    static func execute(_ sql: String, on configuration: StoreConfiguration) async throws {
        try await withConnection(configuration) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// The single integer that `sql` selects.
    static func integer(_ sql: String, on configuration: StoreConfiguration) async throws -> Int {
        let value = try await withConnection(configuration) { connection -> Int64? in
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            var value: Int64?
            for try await (v) in rows.decode(Int64.self) { value = v }
            return value
        }
        return Int(try #require(value, "no row for: \(sql)"))
    }

    /// Runs `body` on a connection of its own, closed afterwards (PostgresNIO insists).
    private static func withConnection<Result: Sendable>(
        _ configuration: StoreConfiguration, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await configuration.connect(logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
