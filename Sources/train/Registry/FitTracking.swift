import AccidentML
import AccidentRegistry
import Foundation

/// Logs a written run folder to MLflow (`train fit --tracking-uri`, `train default` with
/// `MLFLOW_TRACKING_URI`) and writes `<folder>/mlflow.json`. Runs after the folder is complete,
/// so a tracking failure never loses the model: it ends the command with exit status 69 and one
/// line naming the step that failed.
struct FitTracking {
    /// The experiment runs go to unless `--experiment` says otherwise.
    static let defaultExperiment = "accidentml"
    /// The file recording where the run was logged.
    static let recordName = "mlflow.json"

    /// The server.
    let uri: String
    /// The experiment.
    let experiment: String
    /// The registered model to add a version to, or nil.
    let registerAs: String?

    /// Tracking for `options`, or nil when no tracking URI is given (flag or environment).
    init?(_ options: TrackingOptions, environment: [String: String]) {
        guard let uri = options.uri(environment: environment) else { return nil }
        self.init(uri: uri, experiment: options.experiment, registerAs: options.register)
    }

    /// Tracking to `uri`.
    init(uri: String, experiment: String = Self.defaultExperiment, registerAs: String? = nil) {
        self.uri = uri
        self.experiment = experiment
        self.registerAs = registerAs
    }

    /// Logs the complete run folder at `folder`, writes `mlflow.json` and tells where it went.
    @discardableResult
    func track(runFolder folder: URL, console: Console, verbosity: Verbosity) throws -> TrackedRun {
        let display = console.display(folder)
        func failure(_ step: String, _ reason: String) -> CLIError {
            CLIError(kind: .unavailable, message: "tracking failed at step '\(step)': \(reason) "
                     + "The run folder \(display) is complete; rerun with the server up to log it.")
        }
        let client = try RegistryOptions.client(uri: uri, environment: console.environment)
        let run = RunFolder(url: folder)
        let model: AccidentModel, report: TrainingReport
        do {
            model = try AccidentModel.load(from: run.modelURL)
            report = try TrainingReport.decoded(from: Data(contentsOf: run.metricsURL))
        } catch { throw failure("read the run folder", "\(error)") }
        let logged = TrainingRunLogger.Run(
            model: model, report: report, files: run.files.map { ($0.lastPathComponent, $0) }, experiment: experiment,
            runName: folder.lastPathComponent, registerAs: registerAs,
            gitCommit: GitCommit.current(in: console.currentDirectory, environment: console.environment))
        let clock = Stopwatch()
        let tracked: TrackedRun
        do {
            tracked = try AsyncBridge.wait { try await TrainingRunLogger(client: client).log(logged) }
        } catch let e as TrackingFailure {
            throw failure(e.step, e.error.description)
        }
        let record = folder.appendingPathComponent(Self.recordName)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            try (encoder.encode(tracked) + Data("\n".utf8)).write(to: record, options: .atomic)
        } catch { throw CLIError.cannotCreate(record.path, RunFolder.reason(error)) }
        if verbosity >= .normal {
            var facts = [("tracked", "run \(tracked.runID) in experiment '\(experiment)' at \(uri)"
                          + String(format: " (%.2f s)", clock.seconds)), ("record", console.display(record))]
            if let name = tracked.registeredModel, let version = tracked.version {
                facts.insert(("registered", "models:/\(name)/\(version)"), at: 1)
            }
            console.out.write(Summary.facts(facts))
        }
        return tracked
    }
}
