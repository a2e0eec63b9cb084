import AccidentML
import PostgresNIO

/// Reads the cells of one result row in order, mapping NULL back to the `BAACRecords` missing
/// values and checking that every stored number fits its record field.
struct StoreRowDecoder {
    private let table: String
    private let columns: [String]
    private let rowIndex: Int
    private var cells: PostgresRow.Iterator
    private var column = 0

    /// Starts at the first cell of `row`; `columns` names the cells for error messages.
    init(row: PostgresRow, table: String, columns: [String], rowIndex: Int) {
        self.table = table; self.columns = columns; self.rowIndex = rowIndex
        cells = row.makeIterator()
    }

    private mutating func next<T: PostgresDecodable>(_: T.Type) throws(AccidentStoreError) -> T? where T._DecodableType == T {
        let name = column < columns.count ? columns[column] : "#\(column)"
        column += 1
        guard let cell = cells.next() else {
            preconditionFailure("\(table): query returned fewer columns than \(columns.count)")
        }
        do {
            return try cell.decode(T?.self)
        } catch {
            throw .invalidStoredValue(table: table, column: name, row: rowIndex,
                                      reason: "cannot be read as \(T.self): \(String(reflecting: error))")
        }
    }

    private func invalid<T>(_ value: some BinaryInteger, as _: T.Type) -> AccidentStoreError {
        .invalidStoredValue(table: table, column: columns[column - 1], row: rowIndex,
                            reason: "\(value) does not fit \(T.self)")
    }

    /// A NOT NULL column.
    private mutating func required<T: PostgresDecodable>(_ type: T.Type) throws(AccidentStoreError) -> T
    where T._DecodableType == T {
        guard let value = try next(type) else {
            throw .invalidStoredValue(table: table, column: columns[column - 1], row: rowIndex,
                                      reason: "unexpected NULL")
        }
        return value
    }

    mutating func int64() throws(AccidentStoreError) -> Int64 { try required(Int64.self) }
    mutating func int16() throws(AccidentStoreError) -> Int16 { try required(Int16.self) }

    /// A smallint code column into an `Int8` field, NULL → -1.
    mutating func code8() throws(AccidentStoreError) -> Int8 {
        guard let value = try next(Int16.self) else { return -1 }
        guard let narrow = Int8(exactly: value) else { throw invalid(value, as: Int8.self) }
        return narrow
    }

    /// A smallint code column, NULL → -1.
    mutating func code16() throws(AccidentStoreError) -> Int16 { try next(Int16.self) ?? -1 }
    /// An integer code column, NULL → -1.
    mutating func code32() throws(AccidentStoreError) -> Int32 { try next(Int32.self) ?? -1 }
    /// A bigint identifier column, NULL → -1.
    mutating func id64() throws(AccidentStoreError) -> Int64 { try next(Int64.self) ?? -1 }
    /// A real column, NULL → NaN.
    mutating func float() throws(AccidentStoreError) -> Float { try next(Float.self) ?? .nan }
    /// A double precision column, NULL → NaN.
    mutating func double() throws(AccidentStoreError) -> Double { try next(Double.self) ?? .nan }

    /// A varchar vehicle number column, NULL → missing.
    mutating func vehicleNumber() throws(AccidentStoreError) -> VehicleNumber {
        guard let text = try next(String.self) else { return .missing }
        guard let number = VehicleNumber(text) else {
            throw .invalidStoredValue(table: table, column: columns[column - 1], row: rowIndex,
                                      reason: "'\(text)' is not a vehicle number of 1 to 4 ASCII characters")
        }
        return number
    }
}
