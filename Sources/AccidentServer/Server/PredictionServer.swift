import Hummingbird
import Logging
import ServiceLifecycle

/// The prediction API server: loads the start-up model, serves until SIGTERM or SIGINT,
/// then stops accepting connections, lets requests in flight finish, and returns.
public struct PredictionServer: Sendable {
    let state: ServerState

    /// Prepares a server; loads `configuration.modelPath` when set, and throws when that fails,
    /// so a server never starts on a model other than the one it was told to serve. Throws
    /// `ConfigurationError` when the model folder is not an existing folder.
    public init(configuration: ServerConfiguration, loader: @escaping BackendLoader, logger: Logger) async throws {
        var initial: LoadedModel? = nil
        if let path = configuration.modelPath {
            initial = try await ServerState.load(path, with: loader)
            logger.notice("model loaded", metadata: [
                "path": .string(path), "version": .string(initial!.info.version),
            ])
        } else {
            logger.warning("no MODEL_PATH: predictions answer 503 until POST /api/v1/reload_model loads a model")
        }
        if let database = configuration.database {
            logger.notice("logging predictions", metadata: ["database": .string(database.description)])
        }
        if configuration.allowsUnauthenticated {
            logger.warning("--insecure-no-auth: the prediction and reload routes accept requests without an API key")
        }
        let folder = try configuration.modelDirectory.map { path throws(ConfigurationError) in try ModelFolder(path) }
        if folder == nil {
            logger.notice("no model folder (--model-dir, MODEL_DIR): reloads by file path are refused")
        }
        if configuration.adminKeys.isEmpty && !configuration.allowsUnauthenticated {
            logger.notice("no administrator key (ADMIN_API_KEYS): POST /api/v1/reload_model answers 403")
        }
        state = ServerState(configuration: configuration, loader: loader, initialModel: initial,
                            modelFolder: folder, logger: logger)
    }

    /// The Hummingbird application of this server (tests run it in-process or on loopback).
    func makeApplication(onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let c = state.configuration
        return Application(
            router: APIRouter.make(state: state),
            configuration: .init(address: .hostname(c.host, port: c.port), serverName: "accident-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
            logger: state.logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully: the HTTP server first (requests
    /// in flight finish), then the prediction log, which writes what they logged.
    public func run() async throws {
        let app = makeApplication { [logger = state.logger, c = state.configuration] port in
            logger.notice("listening", metadata: ["host": .string(c.host), "port": .stringConvertible(port ?? c.port)])
        }
        // A ServiceGroup shuts its services down in reverse order.
        let services: [any Service] = (state.predictionLog.map { [$0] } ?? []) + [app]
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) },
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: state.logger))
        try await group.run()
        state.logger.notice("stopped")
    }
}
