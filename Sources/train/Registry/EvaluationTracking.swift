import AccidentML
import AccidentRegistry
import Foundation

/// Logs an evaluation's final metrics to an existing MLflow run (`train evaluate --run-id`),
/// e.g. the training run of the model, as `<prefix><metric>` (`evaluation_auc`).
struct EvaluationTracking {
    /// The prefix unless `--metric-prefix` says otherwise.
    static let defaultPrefix = "evaluation_"

    /// The run.
    let runID: String
    /// Put before each metric's name.
    let prefix: String

    /// Logs each metric's value on the evaluation rows; a failure exits 69 naming the step.
    func log(_ metrics: [TrainingReport.FinalMetric], registry: RegistryOptions, console: Console, verbosity: Verbosity) throws {
        let client = try registry.client(console, for: "--run-id")
        let now = MLflowClient.milliseconds(Date())
        let points = metrics.compactMap { m in m.validation.map { MetricPoint(key: prefix + m.name, value: $0, timestamp: now) } }
        let runID = runID
        do {
            try AsyncBridge.wait { try await client.logBatch(runID: runID, metrics: points) }
        } catch let e as RegistryError {
            // A run that does not exist is a missing input (66); anything else a tracking failure (69).
            let kind: CLIError.Kind = if case .notFound = e { .missingInput } else { .unavailable }
            throw CLIError(kind: kind, message: "tracking failed at step 'log metrics to run \(runID)': \(e.description)")
        }
        if verbosity >= .normal {
            console.err.line("logged \(points.count) metrics (\(prefix)*) to MLflow run \(runID) at \(client.trackingURI)")
        }
    }
}
