/// An error of the AccidentML libraries: a message that says what, where and how to fix, and
/// a category that tells a front end (the `train` exit status, the server's HTTP status) what
/// kind of failure it is, without knowing each error type.
public protocol AccidentMLError: Error, CustomStringConvertible {
    /// What kind of failure this is.
    var category: ErrorCategory { get }
    /// The parameter involved: the one whose value is invalid (e.g. `numLeaves`), or the one
    /// that works around the failure (`skipBadRows`), so that a front end can name its own
    /// option for it; nil for other errors.
    var parameter: String? { get }
}

extension AccidentMLError {
    /// No parameter by default.
    public var parameter: String? { nil }
}

/// The kinds of failure a front end distinguishes.
public enum ErrorCategory: String, Sendable, CaseIterable {
    /// Invalid parameters or options given by the caller.
    case usage
    /// Data or a model file that cannot be used as it is.
    case data
    /// An input file or folder that does not exist or cannot be read.
    case missingInput
    /// A service (the database) that cannot be reached or refuses to work.
    case unavailable
    /// An output that cannot be written.
    case output
}
