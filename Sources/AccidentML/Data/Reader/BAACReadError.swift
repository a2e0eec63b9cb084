/// Why a BAAC read failed, or why a row was skipped: what, where (file, line, column) and how to fix.
public enum BAACReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A file or folder cannot be opened or listed.
    case cannotRead(file: String, reason: String)
    /// A folder holds no BAAC file (`caracteristiques-2021.csv`, `usagers_2016.csv`...).
    case noBAACFiles(folder: String)
    /// A year found in a folder lacks one of its four files.
    case missingFile(folder: String, year: Int, table: BAACTableKind)
    /// A year found in a folder has two files for the same table.
    case ambiguousFiles(year: Int, table: BAACTableKind, files: [String])
    /// The bytes are not text the reader can use (UTF-16, NUL bytes, neither UTF-8 nor Latin-1).
    case wrongEncoding(file: String, line: Int, detail: String)
    /// The header matches no known layout.
    case unknownLayout(file: String, detail: String)
    /// A column the detected layout requires is absent from the header.
    case missingColumn(file: String, column: String, layout: BAACLayout)
    /// A row cannot be split into the header's columns (field count, quotes).
    case malformedRow(file: String, line: Int, detail: String)
    /// A value cannot be read as its column's type or code.
    case invalidValue(file: String, line: Int, column: String, value: String, expected: String)
    /// A row refers to an accident or vehicle that is absent (or was skipped).
    case orphanRow(file: String, line: Int, column: String, key: String, missing: String)
    /// A key that must be unique appears again.
    case duplicateKey(file: String, line: Int, column: String, key: String, firstLine: Int)

    /// The kind of row problem, nil for file-level errors (which are never skipped).
    public var rowIssue: BAACRowIssue? {
        switch self {
        case .malformedRow: .malformedRow
        case .invalidValue: .invalidValue
        case .orphanRow: .orphanRow
        case .duplicateKey: .duplicateKey
        default: nil
        }
    }

    /// The file the error is about, when there is one.
    public var file: String? {
        switch self {
        case .cannotRead(let f, _), .wrongEncoding(let f, _, _), .unknownLayout(let f, _),
             .missingColumn(let f, _, _), .malformedRow(let f, _, _), .invalidValue(let f, _, _, _, _),
             .orphanRow(let f, _, _, _, _), .duplicateKey(let f, _, _, _, _): f
        case .noBAACFiles, .missingFile, .ambiguousFiles: nil
        }
    }

    /// The message: what is wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            "\(file): cannot read: \(reason)."
        case let .noBAACFiles(folder):
            "\(folder): no BAAC file found. Fix: the folder (or its subfolders) must hold files named like "
                + "caracteristiques-2021.csv, lieux-2021.csv, vehicules-2021.csv, usagers-2021.csv ('_' also accepted)."
        case let .missingFile(folder, year, table):
            "\(folder): year \(year) has no \(table) file. Fix: add \(table)-\(year).csv (or \(table)_\(year).csv), "
                + "or remove that year's other files."
        case let .ambiguousFiles(year, table, files):
            "year \(year) has several \(table) files: \(files.joined(separator: ", ")). Fix: keep only one."
        case let .wrongEncoding(file, line, detail):
            "\(file):\(line): wrong encoding: \(detail). Fix: save the file as UTF-8 or Latin-1 text."
        case let .unknownLayout(file, detail):
            "\(file): unknown BAAC layout: \(detail). Fix: use the official file with its original header line."
        case let .missingColumn(file, column, layout):
            "\(file): missing column '\(column)' required by the \(layout). Fix: use the official file, "
                + "whose header has this column."
        case let .malformedRow(file, line, detail):
            "\(file):\(line): malformed row: \(detail). Fix: repair the line, or skip bad rows."
        case let .invalidValue(file, line, column, value, expected):
            "\(file):\(line): column '\(column)': invalid value \"\(value)\", expected \(expected). "
                + "Fix: correct the value, or skip bad rows."
        case let .orphanRow(file, line, column, key, missing):
            "\(file):\(line): column '\(column)': \(key) refers to \(missing). "
                + "Fix: add the missing row, or skip bad rows."
        case let .duplicateKey(file, line, column, key, firstLine):
            "\(file):\(line): column '\(column)': duplicate \(key), first seen on line \(firstLine). "
                + "Fix: remove the duplicate, or skip bad rows (keeps the first)."
        }
    }
}

/// The kinds of bad rows that `BAACReadOptions.skipBadRows` skips and counts.
public enum BAACRowIssue: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Wrong field count or broken quoting.
    case malformedRow
    /// A value that is not a valid number or code.
    case invalidValue
    /// A row whose accident or vehicle is absent.
    case orphanRow
    /// A repeated accident id, place or vehicle key.
    case duplicateKey

    /// Orders issues as declared (for stable listings).
    public static func < (a: BAACRowIssue, b: BAACRowIssue) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension BAACReadError {
    /// The same error with its line number moved by `delta` (chunks number lines locally).
    func shiftingLine(by delta: Int) -> BAACReadError {
        switch self {
        case let .wrongEncoding(f, l, d): .wrongEncoding(file: f, line: l + delta, detail: d)
        case let .malformedRow(f, l, d): .malformedRow(file: f, line: l + delta, detail: d)
        case let .invalidValue(f, l, c, v, e): .invalidValue(file: f, line: l + delta, column: c, value: v, expected: e)
        case let .orphanRow(f, l, c, k, m): .orphanRow(file: f, line: l + delta, column: c, key: k, missing: m)
        case let .duplicateKey(f, l, c, k, first): .duplicateKey(file: f, line: l + delta, column: c, key: k, firstLine: first)
        default: self
        }
    }
}

extension BAACReadError {
    /// The `wrongEncoding` error for an encoding problem found in a file's bytes.
    static func wrongEncoding(_ file: String, _ problem: TextEncodingCheck.Problem,
                              in bytes: UnsafeBufferPointer<UInt8>) -> BAACReadError {
        let detail = switch problem.kind {
        case .utf16ByteOrderMark: "UTF-16 byte order mark"
        case .nulByte: "NUL byte at offset \(problem.offset) (UTF-16 or binary data)"
        case .neitherUTF8NorLatin1(let b):
            "byte 0x\(String(b, radix: 16, uppercase: true)) at offset \(problem.offset): not valid UTF-8, "
                + "and not Latin-1/Windows-1252 either"
        }
        return .wrongEncoding(file: file, line: TextEncodingCheck.lineNumber(of: problem.offset, in: bytes), detail: detail)
    }
}

extension BAACReadError: AccidentMLError {
    /// Files that are not there or cannot be read are missing inputs; the rest is bad data.
    public var category: ErrorCategory {
        switch self {
        case .cannotRead, .noBAACFiles, .missingFile: .missingInput
        default: .data
        }
    }

    /// `skipBadRows` for the bad rows it can skip.
    public var parameter: String? { rowIssue == nil ? nil : "skipBadRows" }
}
