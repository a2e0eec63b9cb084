import Foundation
import Testing

/// What the environment of a test run provides: CI mode, the test database and the MLflow server.
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

    /// `ACCIDENTML_MLFLOW_URI` (as printed by `scripts/services/mlflow.sh url`), nil when unset or empty.
    public static let mlflowURI = ProcessInfo.processInfo.environment["ACCIDENTML_MLFLOW_URI"]
        .flatMap { $0.isEmpty ? nil : $0 }

    /// Whether MLflow tests run: a server is configured, or CI demands it (then a missing one fails).
    public static let hasMLflow = mlflowURI != nil || isCI

    /// The MLflow tracking URI; records a failure naming the fix when it is missing (under CI).
    public static func requireMLflowURI() throws -> String {
        try #require(mlflowURI, "CI=true but ACCIDENTML_MLFLOW_URI is not set: start scripts/services/mlflow.sh (scripts/test.sh does)")
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

    /// Runs the test only when `ACCIDENTML_MLFLOW_URI` is set, or always when `CI=true`.
    public static var requiresMLflow: Self {
        .enabled(if: TestEnvironment.hasMLflow, """
            ACCIDENTML_MLFLOW_URI is not set: skipping the MLflow tests. Run scripts/services/postgres.sh, s3.sh and \
            mlflow.sh start, then `export ACCIDENTML_MLFLOW_URI=$(scripts/services/mlflow.sh url)` (scripts/test.sh does all this).
            """)
    }
}
