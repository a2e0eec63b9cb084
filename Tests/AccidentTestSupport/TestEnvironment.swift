import Foundation
import Testing

/// What the environment of a test run provides: CI mode and the test database.
public enum TestEnvironment {
    /// Whether the environment variable `CI` is `"true"`: tests needing data or services then
    /// run and fail when those are missing, instead of being skipped.
    public static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// `ACCIDENTML_DATABASE_URL` (as printed by `scripts/services/postgres.sh url`), nil when unset or empty.
    public static let databaseURL = ProcessInfo.processInfo.environment["ACCIDENTML_DATABASE_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    /// Whether database tests run: a database is configured, or CI demands it (then a missing one fails).
    public static let hasDatabase = databaseURL != nil || isCI

    /// The database URL; records a failure naming the fix when it is missing (under CI).
    public static func requireDatabaseURL() throws -> String {
        try #require(databaseURL, "CI=true but ACCIDENTML_DATABASE_URL is not set: start scripts/services/postgres.sh")
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `ACCIDENTML_DATABASE_URL` is set, or always when `CI=true`.
    public static var requiresDatabase: Self {
        .enabled(if: TestEnvironment.hasDatabase, """
            ACCIDENTML_DATABASE_URL is not set: skipping the PostgreSQL tests. Run \
            `scripts/services/postgres.sh start` and `export ACCIDENTML_DATABASE_URL=$(scripts/services/postgres.sh url)`.
            """)
    }
}
