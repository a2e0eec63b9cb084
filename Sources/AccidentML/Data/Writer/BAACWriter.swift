import Foundation

/// Writes one BAAC year as its four official files, streaming and atomically.
///
/// Rows are appended in chunks (`append`) and encoded straight into large buffers flushed to
/// staging files in a hidden folder next to the destination, so a year of any size never sits
/// in memory as text. `commit()` moves the four finished files into place together; a writer
/// dropped without `commit()`, or one whose write failed, deletes its staging files, so the
/// destination never holds a half-written set.
public final class BAACWriter {
    /// The layout being written.
    public let layout: Layout
    /// The year in the file names.
    public let year: Int
    /// The folder that receives the four files.
    public let directory: URL

    private let staging: StagingFolder
    private let files: [CSVTableFile]
    private var failure: BAACWriteError?
    private var isFinished = false

    /// Starts a year: creates `directory` if needed and the staging files with their headers.
    /// - Parameter layout: defaults to the official layout of `year`.
    public init(directory: URL, year: Int, layout: Layout? = nil) throws(BAACWriteError) {
        precondition((1000...9999).contains(year), "year must have four digits, got \(year)")
        let layout = layout ?? .official(forYear: year)
        self.layout = layout
        self.year = year
        self.directory = directory
        staging = try StagingFolder(in: directory, finalNames: layout.fileNames(year: year))
        var files: [CSVTableFile] = []
        for (url, header) in zip(staging.stagedURLs, layout.headerLines) {
            let file = try CSVTableFile(url: url)
            var out = file.emptyBuffer()
            out.append(Array(header.utf8) + [UInt8(ascii: "\n")])
            try file.flush(&out)
            files.append(file)
        }
        self.files = files
    }

    deinit {
        if !isFinished { staging.discard() }
    }

    /// Bytes written so far over the four files (headers included).
    public var bytesWritten: Int { files.reduce(0) { $0 + $1.bytesWritten } }

    /// Appends rows to the four files; the four tables are encoded in parallel.
    ///
    /// Rows may come in any number of chunks, in the order they should appear. For the 2005
    /// layout, each user's vehicle should be in the same chunk (its `catv` picks the old `secu`).
    public func append(_ tables: BAACTables) throws(BAACWriteError) {
        precondition(!isFinished, "append after commit()")
        if let failure { throw failure }
        switch layout {
        case .y2005: try append(tables, encoder: LegacyRowEncoder(vehicles: tables.vehicles))
        case .y2019, .y2022: try append(tables, encoder: ModernRowEncoder(layout: layout))
        }
    }

    /// Closes the files and moves them into place together, replacing an older set of the
    /// same year; on failure the older set is restored and nothing new is left.
    @discardableResult
    public func commit() throws(BAACWriteError) -> BAACYearFiles {
        precondition(!isFinished, "commit() called twice")
        if let failure { throw failure }
        do {
            for file in files { try file.close() }
            try staging.moveIntoPlace()
        } catch {
            failure = error
            throw error
        }
        isFinished = true
        return BAACYearFiles(urls: staging.finalURLs, rowCounts: files.map(\.rowCount), byteCount: bytesWritten)
    }

    /// Writes `tables` as the four files of `year` in one call.
    @discardableResult
    public static func write(_ tables: BAACTables, year: Int, layout: Layout? = nil,
                             to directory: URL) throws(BAACWriteError) -> BAACYearFiles {
        let writer = try BAACWriter(directory: directory, year: year, layout: layout)
        try writer.append(tables)
        return try writer.commit()
    }

    private func append<E: BAACRowEncoder>(_ t: BAACTables, encoder: E) throws(BAACWriteError) {
        var errors = [BAACWriteError?](repeating: nil, count: 4)
        let files = self.files
        errors.withUnsafeMutableBufferPointer { slots in
            ParallelWork.each(4) { i in
                do throws(BAACWriteError) {
                    switch i {
                    case 0: try Self.write(t.accidents, to: files[0], encode: encoder.encode)
                    case 1: try Self.write(t.places, to: files[1], encode: encoder.encode)
                    case 2: try Self.write(t.vehicles, to: files[2], encode: encoder.encode)
                    default: try Self.write(t.users, to: files[3], encode: encoder.encode)
                    }
                } catch {
                    slots[i] = error
                }
            }
        }
        if let error = errors.lazy.compactMap({ $0 }).first {
            failure = error
            throw error
        }
    }

    /// Encodes `rows` into `file`'s buffer, flushing it whenever a row might not fit.
    private static func write<Row>(_ rows: [Row], to file: CSVTableFile,
                                   encode: (Row, inout CSVByteBuffer) -> Void) throws(BAACWriteError) {
        var out = file.emptyBuffer()
        try rows.withUnsafeBufferPointer { (rows) throws(BAACWriteError) in
            for row in rows {
                try file.room(in: &out)
                encode(row, &out)
            }
        }
        try file.flush(&out)
        file.didWrite(rows: rows.count)
    }
}
