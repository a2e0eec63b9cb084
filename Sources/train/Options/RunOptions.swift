import ArgumentParser
import Foundation

/// How much the tool says, and how many threads it uses: shared by every command that works.
struct RunOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print what was read, joined and encoded, and per-fold details.")
    var verbose = false

    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose contradict each other; give one of them.") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads).") }
    }

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
