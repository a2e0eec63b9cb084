import Foundation

/// Why a call to the tracking server or the model registry failed; each description says what,
/// where and how to fix.
///
/// Callers map the cases to their own statuses: `unavailable` and `badResponse` are the
/// registry's fault (retry later: 503/502, exit 69), `notFound` is a name, version, alias or file
/// that does not exist (404/exit 66), `damagedArtifact` a downloaded model that fails
/// verification (422/exit 65), `rejected` a request MLflow refused, `invalidReference` and
/// `invalidTrackingURI` a caller's typo.
public enum RegistryError: Error, Equatable, Sendable {
    /// The tracking URI is not an `http(s)://host[:port]` URL.
    case invalidTrackingURI(String)
    /// A model reference is not `models:/NAME@ALIAS` or `models:/NAME/VERSION`.
    case invalidReference(String, reason: String)
    /// The server could not be reached, timed out or kept answering 5xx until the deadline.
    case unavailable(operation: String, url: String, reason: String, attempts: Int)
    /// MLflow answered that the experiment, run, model, version, alias or artifact does not exist.
    case notFound(operation: String, code: String, message: String)
    /// MLflow refused the request (its `error_code`, e.g. `INVALID_PARAMETER_VALUE`, `RESOURCE_ALREADY_EXISTS`).
    case rejected(operation: String, status: Int, code: String, message: String)
    /// The server answered something that is not MLflow's JSON (a proxy's page, another service on the port).
    case badResponse(operation: String, url: String, reason: String)
    /// A downloaded model file is damaged or is not the file the registry recorded.
    case damagedArtifact(reference: String, source: String, reason: String)

    /// MLflow's `error_code` when the server gave one (`RESOURCE_DOES_NOT_EXIST`, ...).
    public var errorCode: String? {
        switch self {
        case .notFound(_, let code, _), .rejected(_, _, let code, _): return code
        default: return nil
        }
    }
}

extension RegistryError: CustomStringConvertible, LocalizedError {
    /// What went wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case .invalidTrackingURI(let uri):
            return "tracking URI '\(uri)' is not an http:// or https:// URL. Fix: pass the MLflow server's address, "
                + "e.g. --tracking-uri http://127.0.0.1:5000 (scripts/services/mlflow.sh url prints it)."
        case .invalidReference(let text, let reason):
            return "'\(text)' is not a model reference: \(reason). Fix: write models:/NAME@ALIAS (e.g. "
                + "models:/accident-severity@champion) or models:/NAME/VERSION (e.g. models:/accident-severity/3)."
        case .unavailable(let operation, let url, let reason, let attempts):
            return "MLflow at \(url) is unavailable (\(operation), \(attempts) attempt\(attempts == 1 ? "" : "s")): \(reason). "
                + "Fix: start it (scripts/services/mlflow.sh start, which needs postgres.sh and s3.sh) or check "
                + "--tracking-uri / MLFLOW_TRACKING_URI."
        case .notFound(let operation, let code, let message):
            return "\(operation): not found in the registry (\(code): \(message)). Fix: check the name, version or alias "
                + "(`train registry list NAME` shows the versions and their aliases)."
        case .rejected(let operation, let status, let code, let message):
            return "\(operation): MLflow refused the request (HTTP \(status), \(code): \(message)). "
                + "Fix: correct the value it names; the server's log (scripts/services/mlflow.sh logs) has the details."
        case .badResponse(let operation, let url, let reason):
            return "\(operation): \(url) did not answer like an MLflow server (\(reason)). Fix: check that the tracking URI "
                + "points at MLflow 2.x/3.x (scripts/services/mlflow.sh url prints it)."
        case .damagedArtifact(let reference, let source, let reason):
            return "\(reference): the model file downloaded from \(source) cannot be used: \(reason). "
                + "Fix: register a new version from a good run (`train fit --register NAME`) and move the alias to it."
        }
    }

    /// The same text as `description`, for Foundation's error reporting.
    public var errorDescription: String? { description }

    /// Whether a later attempt may succeed (the server was down or overloaded).
    var isTransient: Bool {
        if case .unavailable = self { return true }
        return false
    }
}
