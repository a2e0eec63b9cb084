import AccidentML
/// Why a database URL or the `PG_*` environment could not be turned into a `StoreConfiguration`.
///
/// Descriptions never repeat the password.
public enum StoreConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The URL is malformed; `reason` says which part and how to fix it.
    case invalidURL(reason: String)
    /// A required environment variable is unset or empty.
    case missingEnvironment(variable: String)
    /// An environment variable has an unusable value.
    case invalidEnvironment(variable: String, reason: String)

    /// The explanation, without the variable name.
    var reason: String {
        switch self {
        case .invalidURL(let reason), .invalidEnvironment(_, let reason): reason
        case .missingEnvironment(let variable): "\(variable) is not set"
        }
    }

    /// What is wrong and how to fix it.
    public var description: String {
        switch self {
        case .invalidURL(let reason):
            "invalid database URL: \(reason); expected postgres://user:password@host:port/database"
        case .missingEnvironment(let variable):
            "environment variable \(variable) is not set; set it or pass a postgres:// URL instead"
        case .invalidEnvironment(let variable, let reason):
            "environment variable \(variable): \(reason)"
        }
    }
}

extension StoreConfigurationError: AccidentMLError {
    /// Always a configuration given by the caller.
    public var category: ErrorCategory { .usage }
}
