import AccidentML
import AccidentRegistry
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The prediction API server: loads the start-up model, serves until SIGTERM or SIGINT,
/// then stops accepting connections, lets requests in flight finish, and returns.
public struct PredictionServer: Sendable {
    let state: ServerState
    /// Polls the start-up alias and reloads when it moves (`--follow-alias`), else nil.
    let follower: AliasFollower?

    /// Prepares a server; loads `configuration.modelPath` (a file, or a registry reference resolved
    /// through `configuration.trackingURI`) when set, and throws when that fails, so a server never
    /// starts on a model other than the one it was told to serve. Throws `ConfigurationError` when
    /// the model folder is not an existing folder or the tracking URI is not an http(s) URL.
    public init(configuration: ServerConfiguration, loader: @escaping BackendLoader, logger: Logger) async throws {
        let folder = try configuration.modelDirectory.map { path throws(ConfigurationError) in try ModelFolder(path) }
        let resolver = try configuration.trackingURI.map { uri throws(ConfigurationError) in
            try Self.resolver(trackingURI: uri, cache: configuration.modelCacheDirectory,
                              maxModelBytes: configuration.limits.maxModelBytes)
        }
        let source: ModelSource? = try configuration.modelPath.map { text throws(ConfigurationError) -> ModelSource in
            do { return try ModelSource(parsing: text) } catch {
                throw .invalidValue(setting: "--model", value: text, expected: "\(error)")
            }
        }
        var initial: LoadedModel? = nil
        switch source {
        case .file(let path)?:
            initial = try await ServerState.load(path, with: loader)
        case .registry(let reference)?:
            guard let resolver else { throw ConfigurationError.registryWithoutTrackingURI(model: reference.description) }
            initial = try await ServerState.load(reference, with: resolver)
        case nil:
            logger.warning("no MODEL_PATH: predictions answer 503 until POST /api/v1/reload_model loads a model")
        }
        if let initial {
            logger.notice("model loaded", metadata: [
                "model": .string(source?.description ?? "-"), "version": .string(initial.info.version),
                "registry_version": .string(initial.registry?.version ?? "-"),
            ])
        }
        if let database = configuration.database {
            logger.notice("logging predictions", metadata: ["database": .string(database.description)])
        }
        if configuration.allowsUnauthenticated {
            logger.warning("--insecure-no-auth: the prediction and reload routes accept requests without an API key")
        } else if configuration.adminKeys.isEmpty {
            logger.notice("no administrator key (ADMIN_API_KEYS): POST /api/v1/reload_model answers 403")
        }
        if folder == nil {
            logger.notice("no model folder (--model-dir, MODEL_DIR): reloads by file path are refused")
        }
        state = ServerState(configuration: configuration, loader: loader, initialModel: initial,
                            modelFolder: folder, resolver: resolver, logger: logger)
        if configuration.followAlias, let resolver, let alias = source?.alias {
            follower = AliasFollower(state: state, resolver: resolver, reference: alias, interval: configuration.pollInterval)
            logger.notice("following the registry alias", metadata: [
                "reference": .string(alias.description), "poll_interval": .stringConvertible(configuration.pollInterval),
            ])
        } else {
            follower = nil
        }
    }

    /// The registry resolver of the server: short retries, so a reload by call against a registry
    /// that is down answers within seconds (the previous model keeps serving meanwhile).
    static func resolver(trackingURI: String, cache: String?,
                         maxModelBytes: Int = AccidentModel.defaultMaxFileBytes) throws(ConfigurationError) -> ModelResolver {
        let client: MLflowClient
        do { client = try MLflowClient(trackingURI: trackingURI, timeout: .seconds(3), retryDeadline: .seconds(2)) } catch {
            throw .invalidValue(setting: "MLFLOW_TRACKING_URI", value: trackingURI, expected: "an http:// or https:// URL")
        }
        let folder = cache.map { URL(fileURLWithPath: $0) }
            ?? ModelCache.defaultFolder(environment: ProcessInfo.processInfo.environment)
        return ModelResolver(client: client, cache: ModelCache(folder: folder, maxFileBytes: maxModelBytes))
    }

    /// The Hummingbird application of this server (tests run it in-process or on loopback).
    func makeApplication(onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let c = state.configuration
        return Application(
            router: APIRouter.make(state: state),
            server: GuardedHTTP1Channel.builder(gate: state.connections, limits: c.limits),
            configuration: .init(address: .hostname(c.host, port: c.port), serverName: "accident-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
            logger: state.logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully: the HTTP server first (requests
    /// in flight finish), then the alias follower, then the prediction log, which writes what they logged.
    public func run() async throws {
        let app = makeApplication { [logger = state.logger, c = state.configuration] port in
            logger.notice("listening", metadata: ["host": .string(c.host), "port": .stringConvertible(port ?? c.port)])
        }
        // A ServiceGroup shuts its services down in reverse order.
        var services: [any Service] = state.predictionLog.map { [$0] } ?? []
        if let follower { services.append(follower) }
        services.append(app)
        try await serviceGroup(services, signals: [.sigterm, .sigint]).run()
        state.logger.notice("stopped")
    }

    /// The services run together, shut down in reverse order on `signals`: gracefully first,
    /// cancelled once `limits.shutdownTimeout` has passed, so no client can hold the exit.
    func serviceGroup(_ services: [any Service], signals: [UnixSignal]) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(services: services.map { .init(service: $0) },
                                                      gracefulShutdownSignals: signals, logger: state.logger)
        configuration.maximumGracefulShutdownDuration = state.configuration.limits.shutdownTimeout
        return ServiceGroup(configuration: configuration)
    }
}
