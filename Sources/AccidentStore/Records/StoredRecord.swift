import AccidentML

/// Receives the columns of one stored row, in the table's column order, as nullable values.
///
/// Two implementations share every record's column mapping: `CopyTextEncoder` (COPY text
/// format, the fast path) and `BindingsEncoder` (multi-row INSERT binds, the plain path).
protocol StoreRowEncoder {
    mutating func int16(_ value: Int16?)
    mutating func int32(_ value: Int32?)
    mutating func int64(_ value: Int64?)
    mutating func float(_ value: Float?)
    mutating func double(_ value: Double?)
    mutating func text(_ value: VehicleNumber?)
    mutating func endRow()
}

/// A BAAC record stored as one row of a table.
///
/// Every table starts with `year, row_index` (written by the ingest, read back as `year`), then
/// the record's own `columns`, in the order `encode(to:)` emits them and `init(year:decoding:)`
/// reads them. Missing values (-1 codes, NaN, missing vehicle numbers) are NULL.
protocol StoredRecord: Sendable {
    /// Table name (a constant: it is spliced into SQL).
    static var table: String { get }
    /// Column names after `year, row_index` (constants, spliced into SQL).
    static var columns: [String] { get }
    /// The accident the row belongs to.
    var accidentID: Int64 { get }
    /// A short human key of the row for error messages, e.g. `accident 202100000001, vehicle A01`.
    var keyDescription: String { get }
    /// Emits `columns`, in order.
    func encode<Encoder: StoreRowEncoder>(to encoder: inout Encoder)
    /// Reads `columns`, in order, for a row of the given year.
    init(year: Int16, decoding decoder: inout StoreRowDecoder) throws(AccidentStoreError)
}

extension StoredRecord {
    /// Every stored column, in row order.
    static var allColumns: [String] { ["year", "row_index"] + columns }

    /// Emits a whole row: the ingest prefix, the record's columns, the row end.
    func encodeRow<Encoder: StoreRowEncoder>(year: Int16, rowIndex: Int, to encoder: inout Encoder) {
        encoder.int16(year)
        encoder.int32(Int32(rowIndex))
        encode(to: &encoder)
        encoder.endRow()
    }
}

/// Missing-value conventions of `BAACRecords` (-1 codes, NaN, missing vehicle numbers) → NULL.
extension StoreRowEncoder {
    /// A code column: -1 is NULL.
    @inline(__always) mutating func code(_ value: Int8) { int16(value == -1 ? nil : Int16(value)) }
    /// A code column: -1 is NULL.
    @inline(__always) mutating func code(_ value: Int16) { int16(value == -1 ? nil : value) }
    /// A code column: -1 is NULL.
    @inline(__always) mutating func code(_ value: Int32) { int32(value == -1 ? nil : value) }
    /// An optional identifier: -1 is NULL.
    @inline(__always) mutating func code(_ value: Int64) { int64(value == -1 ? nil : value) }
    /// A measurement: NaN is NULL.
    @inline(__always) mutating func number(_ value: Float) { float(value.isNaN ? nil : value) }
    /// A measurement: NaN is NULL.
    @inline(__always) mutating func number(_ value: Double) { double(value.isNaN ? nil : value) }
    /// A vehicle number: the missing number is NULL.
    @inline(__always) mutating func number(_ value: VehicleNumber) { text(value == .missing ? nil : value) }
}

extension VehicleNumber {
    /// Whether the number survives the text column: 1 to 4 ASCII characters other than NUL.
    var isStorable: Bool {
        guard packed != 0 else { return false }
        var p = packed
        while p != 0 {
            let byte = p & 0xFF
            if byte == 0 || byte >= 128 { return false }
            p >>= 8
        }
        return true
    }
}
