import AccidentML
/// Why an accident store operation failed. Descriptions say what, where (table, row, column) and
/// how to fix it; they never contain the database password.
public enum AccidentStoreError: Error, CustomStringConvertible, Equatable {
    /// The database could not be reached or the connection broke; `reason` names the address.
    case unavailable(operation: String, reason: String)
    /// The server rejected a statement outside of a row of ingested data.
    case server(operation: String, reason: String)
    /// A row given to `ingest` cannot be stored as is; nothing was written.
    /// `row` is the index in the `BAACTables` array named `table`.
    case invalidRow(table: String, row: Int, key: String, reason: String)
    /// The database refused a row during `ingest`; the whole year was rolled back.
    /// `row` is the index in the `BAACTables` array named `table`, nil when the server did not
    /// say which row.
    case rowRejected(table: String, row: Int?, key: String?, reason: String)
    /// A stored value cannot be read back into its record field.
    /// `row` is the position of the row in the result of `loadTables` for that table.
    case invalidStoredValue(table: String, column: String, row: Int, reason: String)
    /// A migration recorded in `schema_migrations` differs from the one of the same version in
    /// this build (an applied migration was edited).
    case migrationChanged(version: Int, name: String)
    /// The database has a migration this build does not know (it was migrated by a newer build).
    case unknownMigration(version: Int, name: String)

    /// What is wrong and how to fix it.
    public var description: String {
        switch self {
        case .unavailable(let operation, let reason):
            "\(operation): database unavailable (\(reason)); check that PostgreSQL is running and the URL or PG_* settings"
        case .server(let operation, let reason):
            "\(operation): the server refused: \(reason)"
        case .invalidRow(let table, let row, let key, let reason):
            "ingest: \(table)[\(row)] (\(key)): \(reason); fix the row, nothing was written"
        case .rowRejected(let table, let row, let key, let reason):
            "ingest: \(table)\(row.map { "[\($0)]" } ?? " (row not identified)")\(key.map { " (\($0))" } ?? ""): "
                + "\(reason); the year was rolled back, fix the row and ingest again"
        case .invalidStoredValue(let table, let column, let row, let reason):
            "loadTables: \(table) row \(row), column \(column): \(reason); the stored data does not match the schema"
        case .migrationChanged(let version, let name):
            "migrate: migration \(version) (\(name)) was changed after it was applied; never edit an applied "
                + "migration, add a new version instead"
        case .unknownMigration(let version, let name):
            "migrate: the database has migration \(version) (\(name)), unknown to this build; use a newer build"
        }
    }
}

extension AccidentStoreError: AccidentMLError {
    /// A server that cannot be reached or fails is unavailable; the rest is about the data.
    public var category: ErrorCategory {
        switch self {
        case .unavailable, .server: .unavailable
        default: .data
        }
    }
}
