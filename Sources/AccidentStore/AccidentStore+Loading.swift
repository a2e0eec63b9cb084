import AccidentML
import Logging
import PostgresNIO

extension AccidentStore {
    /// Reads the BAAC years in `years` back as tables, each table ordered by year then by the
    /// row's position in its year's file, with NULL mapped back to the `BAACRecords` missing
    /// values: what `ingest` received, exactly. Rows are streamed, in one read-only snapshot.
    public func loadTables(years: ClosedRange<Int>) async throws -> BAACTables {
        let lower = Int16(clamping: years.lowerBound), upper = Int16(clamping: years.upperBound)
        return try await withConnection("loadTables \(years)") { connection in
            try await connection.withTransaction(logger: logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
                return BAACTables(
                    accidents: try await read(Accident.self, lower...upper, on: connection),
                    places: try await read(Place.self, lower...upper, on: connection),
                    vehicles: try await read(Vehicle.self, lower...upper, on: connection),
                    users: try await read(User.self, lower...upper, on: connection))
            }
        }
    }

    private func read<Record: StoredRecord>(
        _: Record.Type, _ years: ClosedRange<Int16>, on connection: PostgresConnection
    ) async throws -> [Record] {
        let columns = ["year"] + Record.columns
        let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(Record.table) "
            + "WHERE year BETWEEN $1 AND $2 ORDER BY year, row_index"
        var binds = PostgresBindings()
        binds.append(years.lowerBound)
        binds.append(years.upperBound)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        var records: [Record] = []
        for try await row in rows {
            var decoder = StoreRowDecoder(row: row, table: Record.table, columns: columns, rowIndex: records.count)
            let year = try decoder.int16()
            records.append(try Record(year: year, decoding: &decoder))
        }
        return records
    }
}
