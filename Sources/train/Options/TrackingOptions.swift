import AccidentRegistry
import ArgumentParser

/// Where `fit` logs its run (MLflow) and whether it registers a model version.
struct TrackingOptions: ParsableArguments {
    @Option(name: .customLong("tracking-uri"), help: ArgumentHelp(
        "The MLflow server to log the run to, http://host:port (default: $MLFLOW_TRACKING_URI; none: no tracking).",
        valueName: "url"))
    var trackingURI: String?

    @Option(help: ArgumentHelp("The MLflow experiment (created when missing).", valueName: "name"))
    var experiment = FitTracking.defaultExperiment

    @Option(help: ArgumentHelp("Register the run's model as the next version of this registered model.", valueName: "model"))
    var register: String?

    /// The tracking URI from the flag or `MLFLOW_TRACKING_URI`, nil when neither is set.
    func uri(environment: [String: String]) -> String? {
        MLflowClient.trackingURI(flag: trackingURI, environment: environment)
    }

    func validate() throws {
        if register != nil, trackingURI == nil, Console.current.environment["MLFLOW_TRACKING_URI"]?.isEmpty ?? true {
            throw ValidationError("--register needs an MLflow server: add --tracking-uri URL or set MLFLOW_TRACKING_URI.")
        }
    }
}

/// Where `evaluate`, `predict`, `inspect` and `registry` find the registry for `models:/` references.
struct RegistryOptions: ParsableArguments {
    @Option(name: .customLong("tracking-uri"), help: ArgumentHelp(
        "The MLflow server holding the model registry, for models:/ references (default: $MLFLOW_TRACKING_URI).",
        valueName: "url"))
    var trackingURI: String?

    /// The client of the registry; a usage error naming both ways to give it when neither is set.
    func client(_ console: Console, for what: String) throws -> MLflowClient {
        guard let uri = MLflowClient.trackingURI(flag: trackingURI, environment: console.environment) else {
            throw CLIError.usage("\(what) needs the MLflow server: add --tracking-uri URL or set MLFLOW_TRACKING_URI "
                                 + "(scripts/services/mlflow.sh url prints it).")
        }
        return try Self.client(uri: uri, environment: console.environment)
    }

    /// A client of `uri`; `ACCIDENTML_MLFLOW_RETRY_SECONDS` (default 10) bounds how long a server
    /// that is down is retried before the command fails.
    static func client(uri: String, environment: [String: String]) throws -> MLflowClient {
        var client: MLflowClient
        do { client = try MLflowClient(trackingURI: uri) } catch { throw CLIError.usage("\(error)") }
        if let text = environment["ACCIDENTML_MLFLOW_RETRY_SECONDS"], !text.isEmpty {
            guard let seconds = Double(text), seconds >= 0, seconds < 3600 else {
                throw CLIError.usage("ACCIDENTML_MLFLOW_RETRY_SECONDS='\(text)' is not a number of seconds from 0 to 3600.")
            }
            client.retryDeadline = .milliseconds(Int((seconds * 1000).rounded()))
        }
        return client
    }
}
