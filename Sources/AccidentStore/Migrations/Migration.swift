/// One versioned step of the database schema: statements applied together in one transaction.
///
/// Migrations are append-only: once released, a migration's statements never change (the
/// migrator refuses a database whose recorded checksum differs); a change is a new version.
public struct Migration: Sendable, Equatable {
    /// Strictly increasing version number, recorded in `schema_migrations`.
    public let version: Int
    /// Short name, recorded beside the version.
    public let name: String
    /// SQL statements, run in order (one statement each: the extended protocol takes one at a time).
    public let statements: [String]

    /// Creates a migration.
    public init(version: Int, name: String, statements: [String]) {
        self.version = version; self.name = name; self.statements = statements
    }

    /// Every migration of the accident store, in version order.
    public static let all: [Migration] = [.baacTables, .predictions]

    /// FNV-1a 64-bit hash of the statements, to detect a migration edited after it was applied.
    var checksum: Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for statement in statements {
            for byte in statement.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3 // statement separator
        }
        return Int64(bitPattern: hash)
    }
}
