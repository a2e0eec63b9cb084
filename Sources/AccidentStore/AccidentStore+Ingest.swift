import AccidentML
import Logging
import PostgresNIO

extension AccidentStore {
    /// Size of the COPY chunks sent to the server.
    static let copyChunkBytes = 256 * 1024

    /// Replaces one BAAC year with `tables`, in ONE transaction: that year's rows are deleted,
    /// then the four tables are loaded (COPY by default). Any failure rolls the year back
    /// completely and throws an `AccidentStoreError` naming the table and row; running it again
    /// with the same tables gives the same content (no duplicates).
    ///
    /// Every accident must be of `year`; children must reference accidents of the same call.
    @discardableResult
    public func ingest(_ tables: BAACTables, year: Int, method: IngestMethod = .copy) async throws -> IngestSummary {
        guard let year16 = Int16(exactly: year) else { preconditionFailure("year \(year) does not fit a smallint") }
        try Self.validate(tables, year: year16)
        let started = ContinuousClock.now
        let summary = try await withConnection("ingest \(year)") { connection in
            try await connection.withTransaction(logger: logger) { connection in
                var replaced = 0
                for table in [User.table, Vehicle.table, Place.table, Accident.table] {
                    replaced += try await deleteYear(year16, from: table, on: connection)
                }
                try await load(tables.accidents, year: year16, method: method, on: connection)
                try await load(tables.places, year: year16, method: method, on: connection)
                try await load(tables.vehicles, year: year16, method: method, on: connection)
                try await load(tables.users, year: year16, method: method, on: connection)
                // Fresh statistics, so that the next replacement's foreign-key checks (planned once per
                // connection) use the indexes instead of scanning tables believed to be empty.
                try await connection.query("ANALYZE accidents, places, vehicles, users", logger: logger)
                return IngestSummary(year: year, accidents: tables.accidents.count, places: tables.places.count,
                                     vehicles: tables.vehicles.count, users: tables.users.count, replaced: replaced)
            }
        }
        logger.info("ingested BAAC year", metadata: [
            "year": "\(year)", "rows": "\(summary.total)", "replaced": "\(summary.replaced)",
            "method": "\(method)", "duration": "\(ContinuousClock.now - started)",
        ])
        return summary
    }

    /// Checks what the schema cannot: accident years, and vehicle numbers that a text column keeps.
    static func validate(_ tables: BAACTables, year: Int16) throws(AccidentStoreError) {
        let largest = max(tables.accidents.count, tables.places.count, tables.vehicles.count, tables.users.count)
        precondition(largest <= Int(Int32.max), "a year holds at most \(Int32.max) rows per table")
        for (index, accident) in tables.accidents.enumerated() where accident.year != year {
            throw .invalidRow(table: Accident.table, row: index, key: accident.keyDescription,
                              reason: "its year \(accident.year) is not the ingested year \(year)")
        }
        for (index, vehicle) in tables.vehicles.enumerated() where !vehicle.number.isStorable {
            throw .invalidRow(table: Vehicle.table, row: index, key: vehicle.keyDescription,
                              reason: "the vehicle number (num_veh) is missing or not 1 to 4 ASCII characters")
        }
        for (index, user) in tables.users.enumerated()
        where user.vehicleNumber != .missing && !user.vehicleNumber.isStorable {
            throw .invalidRow(table: User.table, row: index, key: user.keyDescription,
                              reason: "the vehicle number (num_veh) is not 1 to 4 ASCII characters")
        }
    }

    private func deleteYear(_ year: Int16, from table: String, on connection: PostgresConnection) async throws -> Int {
        var binds = PostgresBindings()
        binds.append(year)
        let sql = "WITH gone AS (DELETE FROM \(table) WHERE year = $1 RETURNING 1) SELECT count(*) FROM gone"
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        var count = 0
        for try await (deleted) in rows.decode(Int64.self) { count = Int(deleted) }
        return count
    }

    /// Loads one table's rows, turning a server refusal into an error that names the row.
    private func load<Record: StoredRecord>(
        _ rows: [Record], year: Int16, method: IngestMethod, on connection: PostgresConnection
    ) async throws {
        guard !rows.isEmpty else { return }
        do {
            switch method {
            case .copy: try await copy(rows, year: year, on: connection)
            case .insert: try await insert(rows, year: year, on: connection)
            }
        } catch let error as PSQLError {
            guard let info = error.serverInfo else { throw error }
            throw IngestRejection.error(info, rows: rows, year: year)
        }
    }

    private func copy<Record: StoredRecord>(_ rows: [Record], year: Int16, on connection: PostgresConnection) async throws {
        let allocator = ByteBufferAllocator()
        let chunk = Self.copyChunkBytes
        try await connection.copyFrom(table: Record.table, columns: Record.allColumns, logger: logger) { writer in
            var encoder = CopyTextEncoder(buffer: allocator.buffer(capacity: chunk + 1024))
            for index in rows.indices {
                rows[index].encodeRow(year: year, rowIndex: index, to: &encoder)
                if encoder.buffer.readableBytes >= chunk {
                    try await writer.write(encoder.buffer)
                    encoder.buffer = allocator.buffer(capacity: chunk + 1024)
                }
            }
            if encoder.buffer.readableBytes > 0 { try await writer.write(encoder.buffer) }
        }
    }

    private func insert<Record: StoredRecord>(_ rows: [Record], year: Int16, on connection: PostgresConnection) async throws {
        let width = Record.allColumns.count
        let rowsPerStatement = min(1000, Int(UInt16.max) / width)
        let prefix = "INSERT INTO \(Record.table) (\(Record.allColumns.joined(separator: ", "))) VALUES "
        for start in stride(from: rows.startIndex, to: rows.endIndex, by: rowsPerStatement) {
            let end = min(start + rowsPerStatement, rows.endIndex)
            var encoder = BindingsEncoder()
            var tuples: [String] = []
            tuples.reserveCapacity(end - start)
            for index in start..<end {
                rows[index].encodeRow(year: year, rowIndex: index, to: &encoder)
                let first = (index - start) * width + 1
                tuples.append("(" + (first..<first + width).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            let query = PostgresQuery(unsafeSQL: prefix + tuples.joined(separator: ", "), binds: encoder.bindings)
            try await connection.query(query, logger: logger)
        }
    }
}
