import AccidentML
import Foundation
import PostgresNIO

/// Turns a server error raised while loading one table into an `AccidentStoreError.rowRejected`
/// that names the input row: from the COPY line in the error context (`COPY users, line 3`), or
/// else from the key in its detail (`Key (accident_id, year)=(7, 2021) is not present …`).
enum IngestRejection {
    static func error<Record: StoredRecord>(_ info: PSQLError.ServerInfo, rows: [Record], year: Int16) -> AccidentStoreError {
        let reason = AccidentStore.serverReason(info)
        let row = info[.locationContext].flatMap { copyLine(in: $0, table: Record.table) }.map { $0 - 1 }
            ?? info[.detail].flatMap { keyedRow(detail: $0, rows: rows, year: year) }
        guard let row, rows.indices.contains(row) else {
            return .rowRejected(table: Record.table, row: nil, key: nil, reason: reason)
        }
        return .rowRejected(table: Record.table, row: row, key: rows[row].keyDescription, reason: reason)
    }

    /// The 1-based line of `COPY <table>, line <n>` in an error context.
    static func copyLine(in context: String, table: String) -> Int? {
        let marker = "COPY \(table), line "
        guard let start = context.range(of: marker)?.upperBound else { return nil }
        return Int(context[start...].prefix(while: \.isNumber))
    }

    /// The columns and values of `Key (c1, c2)=(v1, v2)` in an error detail.
    static func key(in detail: String) -> [(column: String, value: String)]? {
        guard let open = detail.range(of: "Key (")?.upperBound,
              let middle = detail.range(of: ")=(", range: open..<detail.endIndex),
              let close = detail.range(of: ")", range: middle.upperBound..<detail.endIndex) else { return nil }
        let columns = detail[open..<middle.lowerBound].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = detail[middle.upperBound..<close.lowerBound].split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard columns.count == values.count else { return nil }
        return Array(zip(columns, values))
    }

    /// The first row whose fields equal the key of `detail`.
    private static func keyedRow<Record: StoredRecord>(detail: String, rows: [Record], year: Int16) -> Int? {
        guard let key = key(in: detail) else { return nil }
        let columns = Record.allColumns
        let wanted = key.compactMap { part in columns.firstIndex(of: part.column).map { ($0, part.value) } }
        guard wanted.count == key.count else { return nil }
        return rows.indices.first { index in
            var encoder = FieldTextEncoder()
            rows[index].encodeRow(year: year, rowIndex: index, to: &encoder)
            return wanted.allSatisfy { encoder.fields[$0.0] == $0.1 }
        }
    }
}

/// Captures one row's fields as the text PostgreSQL prints in error details.
struct FieldTextEncoder: StoreRowEncoder {
    /// The fields of the row, NULL as nil.
    var fields: [String?] = []

    mutating func int16(_ value: Int16?) { fields.append(value.map { String($0) }) }
    mutating func int32(_ value: Int32?) { fields.append(value.map { String($0) }) }
    mutating func int64(_ value: Int64?) { fields.append(value.map { String($0) }) }
    mutating func float(_ value: Float?) { fields.append(value.map { String($0) }) }
    mutating func double(_ value: Double?) { fields.append(value.map { String($0) }) }
    mutating func text(_ value: VehicleNumber?) { fields.append(value?.description) }
    mutating func endRow() {}
}
