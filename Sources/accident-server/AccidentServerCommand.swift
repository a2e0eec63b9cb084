import AccidentServer
import ArgumentParser
import Foundation
import Logging

/// The `accident-server` tool: serves severity predictions over HTTP.
@main
struct AccidentServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accident-server",
        abstract: "Serve AccidentML severity predictions over HTTP.",
        discussion: """
        Every option can also be set by environment variable (HOST, PORT, MODEL_PATH, MODEL_DIR, MLFLOW_TRACKING_URI, \
        FOLLOW_ALIAS, POLL_INTERVAL, API_KEY_FILE, ADMIN_API_KEY_FILE, MAX_BODY_BYTES, MAX_BATCH_SIZE, LOG_LEVEL, \
        DATABASE_URL, MAX_CONNECTIONS, HEADER_TIMEOUT, BODY_TIMEOUT, IDLE_TIMEOUT, SHUTDOWN_TIMEOUT, MAX_MODEL_BYTES, \
        ACCESS_LOG_SAMPLE); options win. Limits and timeouts: docs/operations.md. Registry models are cached in ACCIDENTML_MODEL_CACHE (default ~/.cache/accidentml/models). Prediction keys \
        come from API_KEYS (comma-separated) and/or the key file, administrator keys (model reloads) from \
        ADMIN_API_KEYS and/or their key file; never from the command line. Stops gracefully on SIGTERM or SIGINT.
        """
    )

    @Option(help: "Address to bind (default 127.0.0.1).") var host: String?
    @Option(help: "Port to bind (default 8080; 0 picks a free one).") var port: Int?
    @Option(name: [.customLong("model"), .customLong("model-path")],
            help: "Model to load at start-up: a file (.aml, written by `train`) or models:/NAME@ALIAS, models:/NAME/VERSION.")
    var modelPath: String?
    @Option(help: "MLflow tracking server that models:/ references are resolved with.") var trackingURI: String?
    @Flag(help: "Poll the start-up model's alias (models:/NAME@ALIAS) and reload when it moves.") var followAlias = false
    @Option(help: "Seconds between polls of the followed alias (default 30).") var pollInterval: Double?
    @Option(name: .customLong("model-dir"),
            help: "Folder a reload by file path may read from (default: the start-up model's folder).")
    var modelDirectory: String?
    @Option(help: "File of prediction API keys, one per line.") var apiKeyFile: String?
    @Option(name: .customLong("admin-api-key-file"), help: "File of administrator keys (model reloads), one per line.")
    var adminKeyFile: String?
    @Option(help: "Largest request body in bytes (default 1048576).") var maxBodyBytes: Int?
    @Option(help: "Most records in one batch (default 1000).") var maxBatchSize: Int?
    @Option(help: "trace, debug, info, notice, warning, error or critical (default info).") var logLevel: String?
    @Option(help: "PostgreSQL URL to log every prediction to (prefer DATABASE_URL: a password here shows in ps).")
    var databaseURL: String?
    @Option(help: "Most open client connections; more are answered 503 and closed (default: fd limit - 256, at most 10000).")
    var maxConnections: Int?
    @Option(help: "Seconds a client may take to send a request head (default 10).") var headerTimeout: Double?
    @Option(help: "Seconds a client may take to send a request body (default 30).") var bodyTimeout: Double?
    @Option(help: "Seconds a kept-alive connection may stay silent (default 60).") var idleTimeout: Double?
    @Option(help: "Seconds a graceful shutdown waits for requests in flight (default 10).") var shutdownTimeout: Double?
    @Option(help: "Largest model file loaded, in bytes (default 268435456).") var maxModelBytes: Int?
    @Option(help: "Share of requests written to the access log, 0 to 1 (default 0: none).") var accessLogSample: Double?
    @Flag(help: "Serve the prediction and reload routes without API keys (development only).")
    var insecureNoAuth = false

    func run() async throws {
        var overrides = ServerConfiguration.Overrides()
        overrides.host = host; overrides.port = port; overrides.modelPath = modelPath
        overrides.modelDirectory = modelDirectory; overrides.adminKeyFile = adminKeyFile
        overrides.trackingURI = trackingURI; overrides.followAlias = followAlias; overrides.pollInterval = pollInterval
        overrides.apiKeyFile = apiKeyFile; overrides.maxBodyBytes = maxBodyBytes
        overrides.maxBatchSize = maxBatchSize; overrides.logLevel = logLevel; overrides.databaseURL = databaseURL
        overrides.insecureNoAuth = insecureNoAuth
        overrides.limits.maxConnections = maxConnections; overrides.limits.headerTimeout = headerTimeout
        overrides.limits.bodyTimeout = bodyTimeout; overrides.limits.idleTimeout = idleTimeout
        overrides.limits.shutdownTimeout = shutdownTimeout; overrides.limits.maxModelBytes = maxModelBytes
        overrides.limits.accessLogSample = accessLogSample
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration.resolve(environment: ProcessInfo.processInfo.environment,
                                                            overrides: overrides)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        var logger = Logger(label: "accident-server")
        logger.logLevel = configuration.logLevel
        logger.info("starting", metadata: ["configuration": .string(configuration.description)])
        let server = try await PredictionServer(configuration: configuration, loader: AccidentModelBackend.loader(maxFileBytes: configuration.limits.maxModelBytes),
                                                logger: logger)
        try await server.run()
    }
}
