import Foundation

/// Loads generic numeric CSV files (a header line, then numbers) into the model matrices.
///
/// Used for the preprocessed data sets such as `../shared/data/baac2021/X_train.csv` and
/// `y_train.csv`. Separator `,`, `;` or tab (detected on the header), optional quotes;
/// an empty cell or `NaN` is a missing value (NaN); decimals use `.` (or `,` inside quotes).
public enum NumericCSV {
    /// Loads a numeric CSV into a feature matrix, one column per header name.
    public static func loadFeatures<Scalar>(_ url: URL, as scalar: Scalar.Type = Scalar.self) throws(NumericCSVError)
        -> FeatureMatrix<Scalar> {
        var reader = try ChunkReader(url)
        return try reader.next(maxRows: Int.max) ?? FeatureMatrix(rowCount: 0, columnNames: reader.columnNames)
    }

    /// Loads features and a one-column label file into labelled data.
    ///
    /// Labels become class indices `0..<K` in the order of their sorted distinct values
    /// (numerically when every label is a number, else by text); `classLabels` keeps their text.
    public static func loadLabeled<Scalar>(features: URL, labels: URL, as scalar: Scalar.Type = Scalar.self)
        throws(NumericCSVError) -> LabeledMatrix<Scalar> {
        let x: FeatureMatrix<Scalar> = try loadFeatures(features)
        let texts = try loadLabelTexts(labels)
        guard texts.count == x.rowCount else {
            throw .rowCountMismatch(features: features.path, featureRows: x.rowCount, labels: labels.path, labelRows: texts.count)
        }
        let classes = sortedClasses(Array(Set(texts)))
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, Int32($0)) })
        return LabeledMatrix(features: x, labels: texts.map { index[$0]! }, classLabels: classes)
    }

    /// The label texts of a one-column CSV, trimmed, one per data row.
    static func loadLabelTexts(_ url: URL) throws(NumericCSVError) -> [String] {
        let file = try open(url)
        let header = try header(of: file)
        guard header.names.count == 1 else { throw .labelColumns(file: file.path, count: header.names.count) }
        var texts: [String] = []
        try scan(file, header) { record, bytes, line throws(NumericCSVError) in
            let text = String(decoding: ByteNumber.trimmed(record.field(0, in: bytes)), as: UTF8.self)
            guard !text.isEmpty else { throw .missingLabel(file: file.path, line: line) }
            texts.append(text)
        }
        return texts
    }

    /// Distinct labels sorted numerically when all are numbers, else by text.
    static func sortedClasses(_ labels: [String]) -> [String] {
        let numbers = labels.map { text in Array(text.utf8).withUnsafeBufferPointer { ByteNumber.decimal($0) } }
        guard numbers.allSatisfy({ if case .value = $0 { true } else { false } }) else { return labels.sorted() }
        return zip(labels, numbers).sorted { a, b in
            guard case .value(let x) = a.1, case .value(let y) = b.1 else { return false }
            return x != y ? x < y : a.0 < b.0
        }.map(\.0)
    }

    /// Whether a trimmed cell is `NaN` in any case.
    static func isNaNToken(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        t.count == 3 && t[0] | 0x20 == UInt8(ascii: "n") && t[1] | 0x20 == UInt8(ascii: "a") && t[2] | 0x20 == UInt8(ascii: "n")
    }

    static func open(_ url: URL) throws(NumericCSVError) -> MappedFile {
        do { return try MappedFile(url: url) } catch { throw .cannotRead(file: error.path, reason: error.reason) }
    }

    static func header(of file: MappedFile) throws(NumericCSVError) -> CSVHeader {
        let header: CSVHeader
        do { header = try CSVHeader.read(file.buffer) } catch {
            switch error {
            case .empty: throw .noHeader(file: file.path)
            case .malformed(let e): throw .malformedRow(file: file.path, line: e.line, detail: "header: \(e.what) in field \(e.field)")
            }
        }
        if let name = header.repeatedName {
            throw .malformedRow(file: file.path, line: header.bodyLine - 1,
                                detail: "header: the column \"\(Format.clipped(name))\" appears twice; rename or remove one")
        }
        return header
    }

    /// Calls `body` for each data row with the header's field count; malformed rows throw.
    private static func scan(_ file: MappedFile, _ header: CSVHeader,
                             _ body: (CSVRecord, UnsafeBufferPointer<UInt8>, Int) throws(NumericCSVError) -> Void)
        throws(NumericCSVError) {
        var scanner = CSVScanner(bytes: file.buffer, separator: header.separator, offset: header.bodyOffset, line: header.bodyLine)
        var record = CSVRecord(capacity: header.names.count + 1)
        while try nextRecord(&scanner, into: &record, header: header, file: file) {
            try body(record, file.buffer, record.line)
        }
    }

    /// Reads the next data row into `record`; false at the end. A malformed row, or one with
    /// another field count than the header, throws.
    static func nextRecord(_ scanner: inout CSVScanner, into record: inout CSVRecord, header: CSVHeader,
                           file: MappedFile) throws(NumericCSVError) -> Bool {
        switch scanner.next(into: &record) {
        case .end:
            return false
        case .malformed(let e):
            throw .malformedRow(file: file.path, line: e.line, detail: "\(e.what) in field \(e.field)")
        case .record:
            guard record.count == header.names.count else {
                throw .malformedRow(file: file.path, line: record.line,
                                    detail: "\(record.count) fields, the header has \(header.names.count)")
            }
            return true
        }
    }
}
