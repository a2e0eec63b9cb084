import ArgumentParser
import Foundation

/// How much the tool says, and how many threads it uses: shared by every command that works.
struct RunOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print what was read, joined and encoded, and per-fold details.")
    var verbose = false

    @Option(name: .customLong("threads"), help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
    var threadCount: Int?

    func validate() throws {
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose contradict each other; give one of them.") }
        if let threadCount, threadCount < 1 { throw ValidationError("--threads must be at least 1, got \(threadCount).") }
    }

    /// Worker threads: `--threads`, else every active core.
    var threads: Int { threadCount ?? ProcessInfo.processInfo.activeProcessorCount }

    /// How much to print.
    var verbosity: Verbosity { quiet ? .quiet : verbose ? .verbose : .normal }
}

/// How much a command prints besides errors.
enum Verbosity: Int, Comparable, Sendable {
    /// Errors only.
    case quiet
    /// Progress, the summary table and short notes.
    case normal
    /// Also read, join and encoding reports.
    case verbose

    static func < (a: Verbosity, b: Verbosity) -> Bool { a.rawValue < b.rawValue }
}
