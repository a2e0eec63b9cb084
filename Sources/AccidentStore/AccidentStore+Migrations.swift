import Logging
import PostgresNIO

extension AccidentStore {
    /// Session advisory lock held while migrating, so that concurrent processes migrate one at a time.
    static let migrationLockKey: Int64 = 0x4163_6369_4D4C_0001

    /// Applies, in version order and each in its own transaction, the migrations that
    /// `schema_migrations` does not record yet; returns the versions applied now (empty when the
    /// schema is current). Refuses a database whose applied migrations differ from `migrations`.
    @discardableResult
    public func migrate(_ migrations: [Migration] = Migration.all) async throws -> [Int] {
        precondition(zip(migrations, migrations.dropFirst()).allSatisfy { $0.version < $1.version },
                     "migrations must have strictly increasing versions")
        return try await withConnection("migrate") { connection in
            // Released when the connection closes, whatever happens below.
            try await connection.query("SELECT pg_advisory_lock(\(Self.migrationLockKey))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   bigint      NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            let applied = try await appliedMigrations(on: connection)
            let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
            for (version, recorded) in applied.sorted(by: { $0.key < $1.key }) {
                guard let migration = known[version] else {
                    throw AccidentStoreError.unknownMigration(version: version, name: recorded.name)
                }
                guard migration.checksum == recorded.checksum else {
                    throw AccidentStoreError.migrationChanged(version: version, name: migration.name)
                }
            }
            var appliedNow: [Int] = []
            for migration in migrations where applied[migration.version] == nil {
                try await connection.withTransaction(logger: logger) { connection in
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("""
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(Int32(migration.version)), \(migration.name), \(migration.checksum))
                        """, logger: logger)
                }
                logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                appliedNow.append(migration.version)
            }
            return appliedNow
        }
    }

    private func appliedMigrations(on connection: PostgresConnection) async throws -> [Int: (name: String, checksum: Int64)] {
        var applied: [Int: (name: String, checksum: Int64)] = [:]
        let rows = try await connection.query("SELECT version, name, checksum FROM schema_migrations", logger: logger)
        for try await (version, name, checksum) in rows.decode((Int32, String, Int64).self) {
            applied[Int(version)] = (name, checksum)
        }
        return applied
    }
}
