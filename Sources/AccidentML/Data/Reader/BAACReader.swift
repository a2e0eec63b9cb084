import Foundation

/// What `BAACReader` returns: the normalised tables and a report of the read.
public struct BAACReadResult: Sendable {
    /// The rows of every file set read, in order.
    public var tables: BAACTables
    /// Layouts detected and rows skipped.
    public var report: BAACReadReport
}

/// Reads the official yearly BAAC files (2005 onwards, every layout) into `BAACTables`.
///
/// Each year's layout is detected from its header lines; values are normalised as described
/// in `BAACRecords.swift` and `docs/baac-layouts.md`. Files are memory-mapped, split into
/// chunks at line ends and decoded on all cores; then ids are checked (unique accidents, one
/// place per accident, unique vehicles, no orphan rows).
public struct BAACReader: Sendable {
    /// How bad rows are treated.
    public var options: BAACReadOptions

    /// Creates a reader; by default the first bad row fails the read.
    public init(options: BAACReadOptions = BAACReadOptions()) {
        self.options = options
    }

    /// Reads every year found in `folder` (and its subfolders); see `BAACFileSet.find(in:)`.
    public func read(folder: URL) throws(BAACReadError) -> BAACReadResult {
        try read(try BAACFileSet.find(in: folder))
    }

    /// Reads one year from its four files.
    public func read(_ files: BAACFileSet) throws(BAACReadError) -> BAACReadResult {
        try read([files])
    }

    /// Reads several file sets (e.g. years), decoding all their files in parallel.
    public func read(_ sets: [BAACFileSet]) throws(BAACReadError) -> BAACReadResult {
        let jobs = try sets.map { files throws(BAACReadError) in try SetJobs(files: files, options: options) }
        ParallelWork.run(jobs.flatMap(\.work).sorted { $0.size > $1.size }.map(\.run))
        var report = BAACReadReport()
        var tables = BAACTables()
        for job in jobs {
            var set = try job.merge(into: &report)
            try set.checkIntegrity(options: options, report: &report)
            if tables == BAACTables() { tables = set.tables } else { tables.append(contentsOf: set.tables) }
            report.fileSets.append(.init(files: job.files, layout: job.layout))
        }
        return BAACReadResult(tables: tables, report: report)
    }
}

/// The four table jobs of one file set, prepared (files mapped, encoding checked, layout and
/// columns resolved) before any row is decoded.
private struct SetJobs {
    let files: BAACFileSet
    let layout: BAACLayout
    let accidents: BAACTableJob<AccidentDecoder>
    let places: BAACTableJob<PlaceDecoder>
    let vehicles: BAACTableJob<VehicleDecoder>
    let users: BAACTableJob<UserDecoder>

    init(files: BAACFileSet, options: BAACReadOptions) throws(BAACReadError) {
        self.files = files
        var mapped: [BAACTableKind: (MappedFile, CSVHeader)] = [:]
        for table in BAACTableKind.allCases {
            let file = try Self.open(files[table])
            mapped[table] = (file, try Self.header(of: file))
        }
        let (characteristics, usersFile) = (mapped[.characteristics]!, mapped[.users]!)
        layout = try BAACLayout.detect(characteristics: characteristics.1, characteristicsFile: characteristics.0.path,
                                       users: usersFile.1, usersFile: usersFile.0.path)
        accidents = try BAACTableJob(file: characteristics.0, header: characteristics.1, layout: layout,
                                     decoder: AccidentDecoder(layout: layout), options: options)
        places = try BAACTableJob(file: mapped[.places]!.0, header: mapped[.places]!.1, layout: layout,
                                  decoder: PlaceDecoder(layout: layout), options: options)
        vehicles = try BAACTableJob(file: mapped[.vehicles]!.0, header: mapped[.vehicles]!.1, layout: layout,
                                    decoder: VehicleDecoder(layout: layout), options: options)
        users = try BAACTableJob(file: usersFile.0, header: usersFile.1, layout: layout,
                                 decoder: UserDecoder(layout: layout), options: options)
    }

    /// Maps a file and checks the encoding of its first line (the rest is checked with the rows).
    static func open(_ url: URL) throws(BAACReadError) -> MappedFile {
        let file: MappedFile
        do { file = try MappedFile(url: url) } catch { throw .cannotRead(file: error.path, reason: error.reason) }
        let bytes = file.buffer
        let firstLine = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: CSVScanner.newline) ?? bytes.count)])
        if let problem = TextEncodingCheck.check(firstLine) { throw .wrongEncoding(file.path, problem, in: bytes) }
        return file
    }

    /// Reads a file's header line.
    static func header(of file: MappedFile) throws(BAACReadError) -> CSVHeader {
        let header: CSVHeader
        do {
            header = try CSVHeader.read(file.buffer)
        } catch {
            switch error {
            case .empty:
                throw .unknownLayout(file: file.path, detail: "the file is empty (no header line)")
            case .malformed(let e):
                throw .malformedRow(file: file.path, line: e.line, detail: "header line: \(e.what) in field \(e.field)")
            }
        }
        guard header.names.count > 1 else {
            throw .unknownLayout(file: file.path, detail: "the header line has a single column; "
                                 + "expected ';', ',' or tab separated column names")
        }
        return header
    }

    /// Every chunk of the four files, with its size (the largest are started first).
    var work: [(size: Int, run: @Sendable () -> Void)] {
        func sized<D>(_ job: BAACTableJob<D>) -> [(size: Int, run: @Sendable () -> Void)] {
            zip(job.chunks, job.work).map { ($0.count, $1) }
        }
        return sized(users) + sized(vehicles) + sized(accidents) + sized(places)
    }

    /// The decoded rows of the four files, in file order.
    func merge(into report: inout BAACReadReport) throws(BAACReadError) -> BAACDecodedSet {
        let a = try accidents.merge(into: &report)
        let p = try places.merge(into: &report)
        let v = try vehicles.merge(into: &report)
        let u = try users.merge(into: &report)
        return BAACDecodedSet(files: files, accidents: a.rows, accidentLines: a.lines, places: p.rows, placeLines: p.lines,
                              vehicles: v.rows, vehicleLines: v.lines, users: u.rows, userLines: u.lines,
                              accidentIDColumn: accidents.header.names[accidents.columns[AccidentColumn.id.rawValue]])
    }
}
