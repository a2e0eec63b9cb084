/// Records of named numeric columns (the input of a `ModelInput.columns` model) written one
/// field at a time into row-major feature rows: the fast way in for request batches.
///
/// A reader (the server's JSON and CSV scanners) calls `beginRecord`, then `set` for each
/// field it meets (looking the name up with `column(utf8:)` or `column(named:)`), then
/// `endRecord`, which validates the record exactly as `ModelInput.encode(record:for:into:)`
/// (the plain version, and the tests' oracle) does: the first unknown name in sorted order,
/// else the first absent or non-numeric column in model order; a repeated name keeps its last
/// value. Nothing is allocated per record once the row buffer has grown.
public struct ColumnRows: Sendable {
    /// The model's column names, in feature order.
    public let names: [String]
    /// The accepted records' features, row-major: row `r` is `values[r * names.count ..< (r + 1) * names.count]`.
    public private(set) var values: [Float] = []
    /// Number of accepted records.
    public private(set) var rowCount = 0

    /// What the current record gave for one column.
    private enum Slot: Sendable { case absent, present, wrongType(found: String) }
    private var slots: [Slot]
    /// The smallest unknown field name of the current record.
    private var unknown: String?
    private let byName: [String: Int]
    /// The names' UTF-8 bytes, for matching plain ASCII keys without making a `String`.
    private let utf8Names: [[UInt8]]
    /// For each column, the column that followed it in the last record (records usually list
    /// their fields in one order), tried first by `column(utf8:)`; `names.count` = the first.
    private var next: [Int]
    private var previous: Int

    /// Prepares for records of `names` (distinct). Building the name lookup is the costly part:
    /// keep an empty `ColumnRows` and copy it for each batch (its tables are shared).
    public init(names: [String]) {
        let byName = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        precondition(byName.count == names.count, "column names must be distinct")
        self.names = names
        self.byName = byName
        utf8Names = names.map { Array($0.utf8) }
        slots = Array(repeating: .absent, count: names.count)
        next = Array(0...names.count).map { ($0 + 1) % (names.count + 1) }
        previous = names.count
    }

    /// Makes room for `rows` more records without growing the row buffer.
    public mutating func reserveCapacity(rows: Int) {
        values.reserveCapacity(values.count + rows * names.count)
    }

    /// The column of a field name (`String` equality, as a decoded record's dictionary uses).
    public func column(named name: String) -> Int? { byName[name] }

    /// The column whose name has exactly these bytes, or nil: a nil for a key that is not
    /// plain ASCII must be confirmed with `column(named:)` (Unicode-equivalent spellings).
    public mutating func column(utf8 key: UnsafeRawBufferPointer) -> Int? {
        let guess = next[previous]
        if guess < names.count, Self.equal(utf8Names[guess], key) {
            previous = guess
            return guess
        }
        guard let found = utf8Names.firstIndex(where: { Self.equal($0, key) }) else { return nil }
        next[previous] = found
        previous = found
        return found
    }

    private static func equal(_ name: [UInt8], _ key: UnsafeRawBufferPointer) -> Bool {
        guard name.count == key.count else { return false }
        return name.withUnsafeBufferPointer { n in
            for i in 0..<n.count where n[i] != key[i] { return false }
            return true
        }
    }

    /// The accepted records as a matrix (column-major, as every model's batch path takes it).
    public var matrix: FeatureMatrix<Float> {
        let n = rowCount, f = names.count
        var storage = [Float](repeating: 0, count: n * f)
        values.withUnsafeBufferPointer { rows in
            storage.withUnsafeMutableBufferPointer { columns in
                for r in 0..<n {
                    for c in 0..<f { columns[c * n + r] = rows[r * f + c] }
                }
            }
        }
        return FeatureMatrix(rowCount: n, columnNames: names, storage: storage)
    }

    /// Starts a record: every column absent.
    public mutating func beginRecord() {
        for c in slots.indices { slots[c] = .absent }
        unknown = nil
        previous = names.count
        values.append(contentsOf: repeatElement(.nan, count: names.count))
    }

    /// Records the value of column `column` in the current record (a later value replaces it):
    /// null is missing (NaN), numbers are stored, other types are refused by `endRecord`.
    public mutating func set(_ column: Int, to value: RawValue) {
        let at = rowCount * names.count + column
        switch value {
        case .null: slots[column] = .present; values[at] = .nan
        case .integer(let v): slots[column] = .present; values[at] = Float(v)
        case .number(let v): slots[column] = .present; values[at] = Float(v)
        case .bool, .string, .array, .object: slots[column] = .wrongType(found: value.typeName)
        }
    }

    /// Records a field name that is not a column.
    public mutating func setUnknown(_ name: String) {
        if unknown.map({ name < $0 }) ?? true { unknown = name }
    }

    /// Validates the current record: kept when valid, dropped (and the error thrown) otherwise.
    public mutating func endRecord() throws(FeatureInputError) {
        do throws(FeatureInputError) {
            if let unknown { throw .unknownField(path: unknown, known: names) }
            for (c, slot) in slots.enumerated() {
                switch slot {
                case .present: continue
                case .absent: throw .missingField(path: names[c], expected: ModelInput.columnExpectation)
                case .wrongType(let found): throw .wrongType(path: names[c], found: found, expected: "a number")
                }
            }
        } catch {
            values.removeLast(names.count)
            throw error
        }
        rowCount += 1
    }
}
