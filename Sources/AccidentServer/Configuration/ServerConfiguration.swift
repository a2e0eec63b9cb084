import AccidentRegistry
import AccidentStore
import Foundation
import Logging

/// Everything the server is started with, resolved from the environment and command-line flags.
public struct ServerConfiguration: Sendable, Equatable {
    /// Address to bind, e.g. `127.0.0.1` (default) or `0.0.0.0`.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one.
    public var port: Int = 8080
    /// The model loaded at start-up, a file path or a registry reference (`models:/NAME@ALIAS`,
    /// `models:/NAME/VERSION`); without one, predictions answer 503 until a reload.
    public var modelPath: String?
    /// The MLflow tracking server that registry references are resolved with, or nil for none.
    public var trackingURI: String?
    /// Where models downloaded from the registry are kept; nil for `ModelCache.defaultFolder`.
    public var modelCacheDirectory: String?
    /// Whether to follow the start-up model's registry alias, reloading when it moves.
    public var followAlias = false
    /// How often the followed alias is polled.
    public var pollInterval: Duration = .seconds(30)
    /// The folder a reload by file path may read from (`--model-dir`, `MODEL_DIR`; by default the
    /// start-up model's folder), or nil when reloading by path is refused.
    public var modelDirectory: String?
    /// The accepted prediction keys; empty only when `allowsUnauthenticated`.
    public var apiKeys: [String] = []
    /// The administrator keys, accepted on `POST /api/v1/reload_model` only; none disables reloads.
    public var adminKeys: [String] = []
    /// Whether the prediction and reload routes skip the API key check (development only).
    public var allowsUnauthenticated = false
    /// The largest request body accepted, in bytes; larger ones get 413 while still arriving.
    public var maxBodyBytes = 1 << 20
    /// The most records one batch request may hold.
    public var maxBatchSize = 1000
    /// The log level.
    public var logLevel: Logger.Level = .info
    /// The share of requests written to the access log (0: none, the default; 1: every one).
    ///
    /// Why not every request by default: at saturation one line a request costs a third of the
    /// throughput and hundreds of MB of log; `/metrics` counts every request anyway.
    public var accessLogSample: Double = 0
    /// Connection caps, timeouts and the model file size limit.
    public var limits = ServerLimits()
    /// The database every served prediction is logged to (table `predictions`), or nil for none.
    public var database: StoreConfiguration?

    /// Shortest accepted API key, so that keys cannot be guessed.
    public static let minimumKeyLength = 16

    /// Creates a configuration with the defaults; see `resolve` for the usual way.
    public init() {}

    /// Values given on the command line; each one wins over its environment variable.
    public struct Overrides: Sendable, Equatable {
        /// `--host`: overrides `HOST`.
        public var host: String?
        /// `--port`: overrides `PORT`.
        public var port: Int?
        /// `--model`: overrides `MODEL_PATH`.
        public var modelPath: String?
        /// `--tracking-uri`: overrides `MLFLOW_TRACKING_URI`.
        public var trackingURI: String?
        /// `--follow-alias`: overrides `FOLLOW_ALIAS`.
        public var followAlias = false
        /// `--poll-interval` in seconds: overrides `POLL_INTERVAL`.
        public var pollInterval: Double?
        /// `--model-dir`: overrides `MODEL_DIR`.
        public var modelDirectory: String?
        /// `--api-key-file`: a file of keys, one a line; overrides `API_KEY_FILE`.
        public var apiKeyFile: String?
        /// `--admin-api-key-file`: a file of administrator keys, one a line; overrides `ADMIN_API_KEY_FILE`.
        public var adminKeyFile: String?
        /// `--max-body-bytes`: overrides `MAX_BODY_BYTES`.
        public var maxBodyBytes: Int?
        /// `--max-batch-size`: overrides `MAX_BATCH_SIZE`.
        public var maxBatchSize: Int?
        /// `--log-level`: overrides `LOG_LEVEL`.
        public var logLevel: String?
        /// `--database-url`: overrides `DATABASE_URL`.
        public var databaseURL: String?
        /// `--insecure-no-auth`: serve without API keys (development only).
        public var insecureNoAuth = false
        /// Connection caps, timeouts, model size and access log sampling.
        public var limits = LimitOverrides()
        /// Creates empty overrides (every setting from the environment).
        public init() {}
    }

    /// Resolves the configuration from `HOST`, `PORT`, `MODEL_PATH`, `MODEL_DIR`, `API_KEYS`,
    /// `API_KEY_FILE`, `ADMIN_API_KEYS`, `ADMIN_API_KEY_FILE`, `MAX_BODY_BYTES`, `MAX_BATCH_SIZE`,
    /// `LOG_LEVEL`, `DATABASE_URL`, the limits (`resolveLimits`) and the flags; flags win.
    ///
    /// Keys come from `API_KEYS` (comma-separated) and the key file (one per line, `#` comments
    /// and blank lines skipped) together, administrator keys likewise from their own pair. Throws
    /// when no prediction key is configured unless `insecureNoAuth`, so a misconfigured deployment
    /// never serves without authentication, and when one key is in both sets.
    public static func resolve(
        environment: [String: String], overrides: Overrides,
        readFile: (String) throws -> String = { try String(contentsOfFile: $0, encoding: .utf8) }
    ) throws -> ServerConfiguration {
        var c = ServerConfiguration()
        let env = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        c.host = overrides.host ?? env("HOST") ?? c.host
        c.port = try overrides.port ?? integer("PORT", env("PORT"), in: 0...65535) ?? c.port
        guard (0...65535).contains(c.port) else {
            throw ConfigurationError.invalidValue(setting: "--port", value: String(c.port), expected: "0 to 65535")
        }
        c.modelPath = overrides.modelPath ?? env("MODEL_PATH")
        c.modelDirectory = overrides.modelDirectory ?? env("MODEL_DIR")
            ?? c.modelPath.flatMap { ModelReference.isReference($0) ? nil : Self.folder(of: $0) }
        c.trackingURI = MLflowClient.trackingURI(flag: overrides.trackingURI, environment: environment)
        c.modelCacheDirectory = ModelCache.defaultFolder(environment: environment).path
        try resolveRegistry(&c, environment: env, overrides: overrides)
        c.maxBodyBytes = try positive("--max-body-bytes", overrides.maxBodyBytes)
            ?? integer("MAX_BODY_BYTES", env("MAX_BODY_BYTES"), in: 1...Int.max) ?? c.maxBodyBytes
        c.maxBatchSize = try positive("--max-batch-size", overrides.maxBatchSize)
            ?? integer("MAX_BATCH_SIZE", env("MAX_BATCH_SIZE"), in: 1...Int.max) ?? c.maxBatchSize
        if let level = overrides.logLevel ?? env("LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError.invalidValue(
                    setting: "LOG_LEVEL", value: level,
                    expected: "one of trace, debug, info, notice, warning, error, critical")
            }
            c.logLevel = parsed
        }
        try resolveLimits(&c, environment: env, overrides: overrides.limits)
        if let url = overrides.databaseURL ?? env("DATABASE_URL") {
            do { c.database = try StoreConfiguration(url: url) } catch {
                throw ConfigurationError.invalidValue(setting: "DATABASE_URL", value: "(not shown: it may hold a password)",
                                                      expected: "a postgres:// URL; \(error)")
            }
        }
        c.apiKeys = try keys(environment: env("API_KEYS"), variable: "API_KEYS",
                             file: overrides.apiKeyFile ?? env("API_KEY_FILE"), readFile: readFile)
        c.adminKeys = try keys(environment: env("ADMIN_API_KEYS"), variable: "ADMIN_API_KEYS",
                               file: overrides.adminKeyFile ?? env("ADMIN_API_KEY_FILE"), readFile: readFile)
        c.allowsUnauthenticated = overrides.insecureNoAuth
        if c.apiKeys.isEmpty && !c.allowsUnauthenticated { throw ConfigurationError.noAPIKeys }
        if let shared = c.adminKeys.firstIndex(where: c.apiKeys.contains) {
            throw ConfigurationError.sharedKey(adminKeyIndex: shared + 1)
        }
        return c
    }

    /// The folder of the model file at `path` (absolute, from the working directory).
    static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    private static func integer(_ name: String, _ text: String?, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ConfigurationError.invalidValue(setting: name, value: text,
                                                  expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func positive(_ flag: String, _ value: Int?) throws -> Int? {
        if let value, value < 1 {
            throw ConfigurationError.invalidValue(setting: flag, value: String(value), expected: "a positive integer")
        }
        return value
    }
}

extension ServerConfiguration: CustomStringConvertible {
    /// The settings for the start-up log line, with the keys counted, never shown.
    public var description: String {
        "host=\(host) port=\(port) model_path=\(modelPath ?? "-") model_dir=\(modelDirectory ?? "-") "
            + "api_keys=\(apiKeys.count) admin_api_keys=\(adminKeys.count) "
            + "auth=\(allowsUnauthenticated ? "disabled" : "required") max_body_bytes=\(maxBodyBytes) "
            + "max_batch_size=\(maxBatchSize) log_level=\(logLevel) database=\(database?.description ?? "-") "
            + "tracking_uri=\(trackingURI ?? "-") follow_alias=\(followAlias) poll_interval=\(pollInterval) "
            + "access_log_sample=\(accessLogSample) \(limits)"
    }
}
