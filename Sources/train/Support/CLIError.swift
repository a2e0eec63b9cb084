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
    /// says what, where and how to fix) and get the exit status of their kind.
    init(classifying error: any Error) {
        switch error {
        case let e as CLIError:
            self = e
        case let e as BAACReadError:
            // The reader's advice names its option; say it as the flag.
            let message = e.description.replacingOccurrences(of: "read with skipBadRows: true", with: "add --skip-bad-rows")
            switch e {
            case .cannotRead, .noBAACFiles, .missingFile: self.init(kind: .missingInput, message: message)
            default: self.init(kind: .data, message: message)
            }
        case let e as NumericCSVError:
            if case .cannotRead = e { self.init(kind: .missingInput, message: e.description) } else {
                self.init(kind: .data, message: e.description)
            }
        case let e as ModelFileError:
            if case .io = e { self.init(kind: .missingInput, message: e.description) } else {
                self.init(kind: .data, message: e.description)
            }
        case let e as LogisticRegressionError:
            if case .invalidParameter = e { self.init(kind: .usage, message: e.description) } else {
                self.init(kind: .data, message: e.description)
            }
        case let e as GBDTError:
            if case .invalidParameter = e { self.init(kind: .usage, message: e.description) } else {
                self.init(kind: .data, message: e.description)
            }
        case let e as AccidentModelError:
            self.init(kind: .data, message: e.description)
        case let e as BAACWriteError:
            self.init(kind: .cannotCreate, message: e.description)
        case let e as StoreConfigurationError:
            self.init(kind: .usage, message: e.description)
        case let e as RegistryError:
            switch e {
            case .invalidTrackingURI, .invalidReference: self.init(kind: .usage, message: e.description)
            case .notFound: self.init(kind: .missingInput, message: e.description)
            case .damagedArtifact, .rejected: self.init(kind: .data, message: e.description)
            case .unavailable, .badResponse: self.init(kind: .unavailable, message: e.description)
            }
        case let e as AccidentStoreError:
            switch e {
            case .unavailable, .server: self.init(kind: .unavailable, message: e.description)
            default: self.init(kind: .data, message: e.description)
            }
        default:
            self.init(kind: .internal, message: "internal error: \(error). This is a bug: please report it with the command line.")
        }
    }
}
