import AsyncHTTPClient
import Foundation

/// A client of an MLflow tracking server's REST API 2.0: experiments, runs, artifacts through the
/// server's artifact proxy, registered models, versions and aliases.
///
/// Every call has a timeout per attempt; connection failures and 5xx answers are retried with
/// exponential backoff until the retry deadline, then fail with `RegistryError.unavailable`.
/// MLflow's `error_code` answers become `RegistryError.notFound` or `.rejected`.
public struct MLflowClient: Sendable {
    /// The server's base URL, without a trailing slash (e.g. `http://127.0.0.1:5000`).
    public let trackingURI: String
    /// How long one HTTP exchange (connect, request, whole answer) may take.
    public var timeout: Duration
    /// How long a call keeps retrying a server that is down or answers 5xx.
    public var retryDeadline: Duration
    /// The first pause between attempts; each further pause doubles, up to `maximumBackoff`.
    public var initialBackoff: Duration = .milliseconds(100)
    /// The longest pause between attempts.
    public var maximumBackoff: Duration = .seconds(2)
    let http: HTTPClient

    /// A client of the server at `trackingURI` (`http(s)://host[:port][/prefix]`).
    /// - Parameters:
    ///   - timeout: per attempt; artifacts of a few megabytes take milliseconds on loopback.
    ///   - retryDeadline: the total time spent retrying a server that is down (0: one attempt).
    ///   - httpClient: the connection pool; the process-wide shared one by default.
    public init(trackingURI: String, timeout: Duration = .seconds(30), retryDeadline: Duration = .seconds(10),
                httpClient: HTTPClient = .shared) throws {
        var uri = trackingURI.trimmingCharacters(in: .whitespaces)
        while uri.hasSuffix("/") { uri.removeLast() }
        guard let url = URL(string: uri), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false, url.query == nil else {
            throw RegistryError.invalidTrackingURI(trackingURI)
        }
        self.trackingURI = uri
        self.timeout = timeout
        self.retryDeadline = retryDeadline
        self.http = httpClient
    }

    /// The tracking URI from a flag, else the environment's `MLFLOW_TRACKING_URI`; nil when neither
    /// is set (or set empty).
    public static func trackingURI(flag: String?, environment: [String: String]) -> String? {
        for value in [flag, environment["MLFLOW_TRACKING_URI"]] {
            if let v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty { return v }
        }
        return nil
    }

    /// The REST endpoint `api/2.0/mlflow/<path>`.
    func apiURL(_ path: String, query: [(String, String)] = []) -> String {
        trackingURI + "/api/2.0/mlflow/" + path + Self.queryString(query)
    }

    /// `?a=b&c=d` with every name and value percent-encoded (nothing when `query` is empty).
    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        return "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
