/// How `BAACReader` treats bad rows.
public struct BAACReadOptions: Sendable, Equatable {
    /// When false (the default) the read fails with the first error. When true, bad rows (and
    /// the rows that then refer to nothing) are skipped and counted in the `BAACReadReport`.
    public var skipBadRows: Bool
    /// How many skipped rows the report keeps as examples.
    public var maxExamples: Int
    /// Size in bytes of the chunks files are cut into for parallel decoding (tests make it
    /// tiny to cross chunk boundaries everywhere).
    var chunkBytes = 4 << 20

    /// Creates options; by default any bad row fails the read.
    public init(skipBadRows: Bool = false, maxExamples: Int = 5) {
        precondition(maxExamples >= 0, "maxExamples must not be negative")
        self.skipBadRows = skipBadRows
        self.maxExamples = maxExamples
    }
}

/// What a read did: the layout of each file set, and the rows it skipped.
public struct BAACReadReport: Sendable, Equatable {
    /// One file set read and the layout detected for it.
    public struct FileSetLayout: Sendable, Equatable {
        /// The four files.
        public var files: BAACFileSet
        /// The layout detected from their headers.
        public var layout: BAACLayout
    }

    /// The file sets read, in order (years ascending for a folder).
    public var fileSets: [FileSetLayout] = []
    /// Skipped rows per file path and kind (empty unless `skipBadRows`).
    public var skippedRows: [String: [BAACRowIssue: Int]] = [:]
    /// The first few skipped rows' errors, in read order.
    public var examples: [BAACReadError] = []

    /// Total number of skipped rows.
    public var totalSkipped: Int { skippedRows.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Counts one skipped row, keeping it as an example while there is room.
    mutating func recordSkip(_ error: BAACReadError, maxExamples: Int) {
        guard let file = error.file, let issue = error.rowIssue else { preconditionFailure("not a row error: \(error)") }
        skippedRows[file, default: [:]][issue, default: 0] += 1
        if examples.count < maxExamples { examples.append(error) }
    }
}
