/// What can stop a bench run, each with what happened, where, and how to go on.
enum BenchError: Error, CustomStringConvertible, Equatable {
    /// The package root has no `scripts/peers/setup-venv.sh`.
    case notPackageRoot(path: String)
    /// The Python environment of the peers could not be made.
    case pythonUnavailable(detail: String)
    /// A subprocess (peer script or our child process) failed.
    case processFailed(command: String, status: Int32, stderrTail: String)
    /// A subprocess succeeded but its stdout was not the JSON object expected.
    case badOutput(command: String, detail: String)
    /// A file of the run could not be written or read.
    case io(path: String, detail: String)
    /// A library call failed (training, reading, writing) in a section.
    case library(section: String, detail: String)
    /// An option value is out of range.
    case invalidOption(name: String, detail: String)

    /// The exit status: 64 (usage, as `sysexits.h`) for options the run cannot start with, 1 otherwise.
    var exitStatus: Int32 {
        switch self {
        case .invalidOption, .notPackageRoot: 64
        default: 1
        }
    }

    var description: String {
        switch self {
        case .notPackageRoot(let path):
            "\(path) has no scripts/peers/setup-venv.sh: run bench from the AccidentML package root"
                + " (or pass --package-root)"
        case .pythonUnavailable(let detail):
            "the Python peers' environment could not be set up (scripts/peers/setup-venv.sh): \(detail)\n"
                + "Install Python 3.11 (PYTHON=/path/to/python3.11 picks one), or run ours only with --no-peers."
        case .processFailed(let command, let status, let tail):
            "`\(command)` exited with status \(status); last lines of its stderr:\n\(tail)"
        case .badOutput(let command, let detail):
            "`\(command)` did not print the JSON object expected: \(detail)"
        case .io(let path, let detail):
            "\(path): \(detail)"
        case .library(let section, let detail):
            "\(section): \(detail)"
        case .invalidOption(let name, let detail):
            "\(name): \(detail)"
        }
    }
}
