import AccidentML

/// A live progress line on stderr with the step, the current metric and an ETA, drawn only
/// when stderr is a terminal; elsewhere (logs, pipes, tests) only the final line is printed.
final class ProgressBar {
    private let console: Console
    private let verbosity: Verbosity
    private let label: String
    private let total: Int
    private let summaryVerbosity: Verbosity
    private let watch = Stopwatch()
    private var lastDraw = -1.0
    private var drawn = false

    /// Redraws at most this often (seconds), so a fast loop does not flood the terminal.
    static let redrawInterval = 0.1

    /// A bar for `total` steps, e.g. boosting rounds or folds; its final line is printed from
    /// `summaryVerbosity` up (`.verbose` for the many small bars of cross-validation).
    init(console: Console, verbosity: Verbosity, label: String, total: Int, summaryVerbosity: Verbosity = .normal) {
        self.console = console
        self.verbosity = verbosity
        self.label = label
        self.total = max(total, 1)
        self.summaryVerbosity = summaryVerbosity
    }

    /// Whether the bar is drawn live.
    var isLive: Bool { verbosity >= .normal && console.err.isTerminal }

    /// Step `done` of `total` is finished; `detail` is e.g. `valid auc 0.8123`.
    func update(_ done: Int, detail: String = "") {
        guard isLive else { return }
        let now = watch.seconds
        guard done >= total || now - lastDraw >= Self.redrawInterval else { return }
        lastDraw = now
        console.err.write("\r" + line(done: done, detail: detail, elapsed: now) + "\u{1B}[K")
        drawn = true
    }

    /// Ends the bar: clears the live line and prints `summary` at the bar's summary verbosity.
    func finish(_ summary: String) {
        if drawn { console.err.write("\r\u{1B}[K") }
        drawn = false
        if verbosity >= summaryVerbosity { console.err.line(summary) }
    }

    /// The text of the live line.
    func line(done: Int, detail: String, elapsed: Double) -> String {
        let width = 24
        let fraction = min(max(Double(done) / Double(total), 0), 1)
        let eighths = Int((fraction * Double(width * 8)).rounded(.down))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let bar = String(repeating: "█", count: eighths / 8) + partial
        let padded = bar + String(repeating: " ", count: width - bar.count)
        let eta = done > 0 && done < total ? "  ETA " + Format.seconds(elapsed / Double(done) * Double(total - done)) : ""
        let text = "\(label) ▕\(padded)▏ \(done)/\(total)" + (detail.isEmpty ? "" : "  " + detail) + eta
        return String(text.prefix(console.err.columns - 1))
    }
}
