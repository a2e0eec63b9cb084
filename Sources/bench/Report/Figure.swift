/// The 1-, 5- and 15-minute load averages at one moment (`/proc/loadavg`, or the peer's
/// `os.getloadavg()`).
typealias LoadAverage = [Double]

/// One measured side of a figure: its repeats and the load around them.
struct MeasuredSide: Codable, Sendable {
    /// Who was measured, e.g. `AccidentML` or `LightGBM 4.7.0`.
    var name: String
    var summary: Summary
    var loadBefore: LoadAverage
    var loadAfter: LoadAverage
}

/// One line of a comparison table: ours against one peer on one figure.
struct Figure: Codable, Sendable {
    /// What is measured, e.g. `train 300 trees, baac2021`.
    var label: String
    /// Threads used by both sides, as text (`1`, `2`, `all (2)`).
    var threads: String
    /// Unit of the values, e.g. `s`, `MB/s`, `rows/s`, `µs`, `MiB`.
    var unit: String
    var better: Better
    var ours: MeasuredSide
    /// Nil when the peers were not run (`--no-peers`) or the peer has no such path.
    var peer: MeasuredSide?

    /// Ours against the peer, when there is a peer.
    var comparison: Comparison? {
        peer.map { Comparison(ours: ours.summary, peer: $0.summary, better: better) }
    }
}

/// A free-form table of a section (accuracy, context), already formatted.
struct TextTable: Codable, Sendable {
    var title: String
    var header: [String]
    var rows: [[String]]
}

/// What one benchmark section produced: its comparison figures, extra tables and notes.
struct SectionResult: Codable, Sendable {
    var section: BenchSection
    var title: String
    /// How the figures were made (sizes, parameters, caveats), one sentence each.
    var notes: [String] = []
    var figures: [Figure] = []
    var tables: [TextTable] = []
    /// False when `tables` already show the figures (kept for the JSON file only).
    var showsFigureTable = true
}

extension MeasuredSide {
    /// The same measurement with its samples transformed, e.g. seconds to rows per second.
    func converted(_ transform: (Summary) -> Summary) -> MeasuredSide {
        MeasuredSide(name: name, summary: transform(summary), loadBefore: loadBefore, loadAfter: loadAfter)
    }
}
