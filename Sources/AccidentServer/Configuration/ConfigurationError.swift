/// A configuration the server refuses to start with: what, where it came from, how to fix it.
public enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// A setting has a value of the wrong form, e.g. `PORT=http`.
    case invalidValue(setting: String, value: String, expected: String)
    /// No API key is configured and `--insecure-no-auth` was not given.
    case noAPIKeys
    /// The API key file cannot be read.
    case unreadableKeyFile(path: String, reason: String)
    /// The same key is both an administrator key and a prediction key; `adminKeyIndex` counts from 1
    /// over `ADMIN_API_KEYS` then the administrator key file.
    case sharedKey(adminKeyIndex: Int)
    /// The model folder (`--model-dir`, `MODEL_DIR`, or the start-up model's folder) is not a readable folder.
    case unusableModelDirectory(path: String, reason: String)
    /// The start-up model is a registry reference but no tracking URI is set.
    case registryWithoutTrackingURI(model: String)
    /// An API key is too short to resist guessing; `source` is `API_KEYS` or `file:line`.
    case weakKey(source: String, minimumLength: Int)

    /// What went wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case let .invalidValue(setting, value, expected):
            return "\(setting)=\(value) is invalid: expected \(expected)"
        case .noAPIKeys:
            return "no API key configured: set API_KEYS (comma-separated) or API_KEY_FILE (one key per line), "
                + "or pass --insecure-no-auth to serve without authentication (development only)"
        case let .sharedKey(index):
            return "administrator key #\(index) is also a prediction key: a prediction client could reload models; "
                + "give administrators keys of their own in ADMIN_API_KEYS or ADMIN_API_KEY_FILE"
        case let .unusableModelDirectory(path, reason):
            return "the model folder \(path) cannot be used: \(reason); set --model-dir or MODEL_DIR to the folder "
                + "that reloads may read model files from"
        case let .registryWithoutTrackingURI(model):
            return "--model \(model) is a registry reference, but no registry is configured: pass --tracking-uri "
                + "(or set MLFLOW_TRACKING_URI) to the MLflow server, e.g. $(scripts/services/mlflow.sh url)"
        case let .unreadableKeyFile(path, reason):
            return "cannot read the API key file \(path): \(reason); check API_KEY_FILE or --api-key-file"
        case let .weakKey(source, minimumLength):
            return "the API key from \(source) is shorter than \(minimumLength) characters; "
                + "generate a longer one, e.g. `openssl rand -hex 32`"
        }
    }
}
