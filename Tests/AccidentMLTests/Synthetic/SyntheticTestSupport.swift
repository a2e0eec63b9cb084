import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// Locates `../shared/data/baac-raw-sample/2021` from the package root and applies the rule for
/// shared data: with CI=true a missing folder fails the test, otherwise the test is skipped.
// TODO: use the shared helper Tests/AccidentMLTests/Support/SharedData.swift once it is merged.
enum SyntheticSharedData {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The real 2021 raw sample folder, if present.
    static let rawSample2021: URL? = {
        let url = packageRoot.appendingPathComponent("../shared/data/baac-raw-sample/2021").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// Whether this run is CI, where missing shared data is a failure rather than a skip.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Condition for `.enabled(if:)`: run when the data is there, or on CI (to fail loudly).
    static let shouldRunRawSampleTests = rawSample2021 != nil || isCI

    /// The raw sample folder, or a recorded failure (only reached on CI without the data).
    static func requireRawSample2021() throws -> URL {
        try #require(rawSample2021, "../shared/data/baac-raw-sample/2021 is missing (CI=true)")
    }
}

/// A fresh temporary folder, removed at the end of `body`.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("accidentml-synth-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// The lines of a file as raw bytes (the line feeds removed).
func byteLines(of url: URL) throws -> [[UInt8]] {
    let data = try Data(contentsOf: url)
    var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
}

/// Writes `tables` as one year and returns each file's lines, header first.
func writtenLines(_ tables: BAACTables, year: Int, layout: BAACWriter.Layout) throws -> [[[UInt8]]] {
    try withTemporaryFolder { folder in
        let files = try BAACWriter.write(tables, year: year, layout: layout, to: folder)
        return try files.urls.map(byteLines)
    }
}

/// UTF-8 bytes of a line as the 2019+ files store it.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Latin-1 bytes of a line as the 2005–2018 files store it.
func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }

/// The bytes `body` appends to an empty `CSVByteBuffer`.
func encodedBytes(_ body: (inout CSVByteBuffer) -> Void) -> [UInt8] {
    var memory = [UInt8](repeating: 0, count: 1024)
    let count = memory.withUnsafeMutableBufferPointer { buffer in
        var out = CSVByteBuffer(base: buffer.baseAddress!, capacity: buffer.count)
        body(&out)
        return out.count
    }
    return Array(memory[..<count])
}
