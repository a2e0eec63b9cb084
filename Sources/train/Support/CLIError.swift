import AccidentML
import AccidentRegistry
import AccidentStore
import ArgumentParser

/// A failure reported as one line on stderr, with a distinct exit status (BSD sysexits).
struct CLIError: Error, CustomStringConvertible, Equatable {
    /// What kind of failure, and its exit status.
    enum Kind: Int32, Sendable {
        /// Bad flags or flag combinations (EX_USAGE).
        case usage = 64
        /// Data or model file that cannot be used as it is (EX_DATAERR).
        case data = 65
        /// An input file or folder that does not exist (EX_NOINPUT).
        case missingInput = 66
        /// The database or the MLflow server cannot be reached or refuses to work (EX_UNAVAILABLE).
        case unavailable = 69
        /// A bug: anything unexpected (EX_SOFTWARE).
        case `internal` = 70
        /// An output that cannot be written (EX_CANTCREAT).
        case cannotCreate = 73
    }

    /// The kind, which gives the exit status.
    let kind: Kind
    /// What is wrong and how to fix it, one line.
    let message: String

    var description: String { message }

    /// A usage error.
    static func usage(_ message: String) -> CLIError { CLIError(kind: .usage, message: message) }
    /// A data error.
    static func data(_ message: String) -> CLIError { CLIError(kind: .data, message: message) }
    /// A missing input: `what` (e.g. `--model`) at `path` does not exist.
    static func missing(_ what: String, _ path: String, fix: String) -> CLIError {
        CLIError(kind: .missingInput, message: "\(what) \(path): no such file or folder. Fix: \(fix)")
    }
    /// An output that cannot be written.
    static func cannotCreate(_ path: String, _ reason: String) -> CLIError {
        CLIError(kind: .cannotCreate, message: "cannot write \(path): \(reason). Fix: check that the folder is writable and has free space.")
    }
}

extension CLIError {
    /// Classifies any error the tool meets: library errors keep their message (which already
    /// says what, where and how to fix), get the exit status of their category, and name the
    /// flag of the parameter involved.
    init(classifying error: any Error) {
        switch error {
        case let e as CLIError:
            self = e
        case let e as any AccidentMLError:
            self.init(kind: Kind(e.category), message: e.description + (Self.flag(for: e).map { " (flag: \($0))" } ?? ""))
        default:
            self.init(kind: .internal, message: "internal error: \(error). This is a bug: please report it with the command line.")
        }
    }

    /// The flag that sets the parameter `error` is about, when the tool has one.
    static func flag(for error: any AccidentMLError) -> String? {
        error.parameter.flatMap { flags[$0] }
    }

    /// The flag of each core parameter name.
    static let flags = [
        "rounds": "--trees", "learningRate": "--learning-rate", "numLeaves": "--num-leaves", "maxDepth": "--max-depth",
        "minDataInLeaf": "--min-data-in-leaf", "lambda": "--lambda", "baggingFraction": "--bagging-fraction",
        "featureFraction": "--feature-fraction", "earlyStoppingPatience": "--early-stopping", "threads": "--threads",
        "C": "--C", "maxIterations": "--max-iter", "holdOutFraction": "--validation-fraction", "folds": "--folds",
        "skipBadRows": "--skip-bad-rows", "curveEvery": "--curve-every", "earlyStopping": "--early-stopping",
    ]
}

extension CLIError.Kind {
    /// The exit status of a core error category.
    init(_ category: ErrorCategory) {
        switch category {
        case .usage: self = .usage
        case .data: self = .data
        case .missingInput: self = .missingInput
        case .unavailable: self = .unavailable
        case .output: self = .cannotCreate
        }
    }
}
