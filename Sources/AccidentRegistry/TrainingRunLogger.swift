import AccidentML
import Foundation

/// Logs a finished training run to MLflow: parameters, final metrics, the learning curves (step =
/// round), tags, the run folder's files and an `MLmodel` file; optionally registers the next
/// version of a model from it. Each step is named, so a failure says which one failed.
public struct TrainingRunLogger: Sendable {
    /// What a training run left, to be logged.
    public struct Run: Sendable {
        /// The trained model (as written: it knows its file checksum).
        public var model: AccidentModel
        /// The run's report (learning curves, final metrics).
        public var report: TrainingReport
        /// The files to upload, by artifact name (`model.aml`, `metrics.json`, `report.html`).
        public var files: [(name: String, url: URL)]
        /// The experiment to log to (created when missing).
        public var experiment: String
        /// The run's display name.
        public var runName: String?
        /// The registered model to add a version to, or nil.
        public var registerAs: String?
        /// The source's git commit, when known.
        public var gitCommit: String?

        /// Describes a run to log.
        public init(model: AccidentModel, report: TrainingReport, files: [(name: String, url: URL)], experiment: String,
                    runName: String? = nil, registerAs: String? = nil, gitCommit: String? = nil) {
            self.model = model; self.report = report; self.files = files; self.experiment = experiment
            self.runName = runName; self.registerAs = registerAs; self.gitCommit = gitCommit
        }
    }

    /// The client.
    public let client: MLflowClient

    /// A logger over `client`.
    public init(client: MLflowClient) { self.client = client }

    /// Logs `run`; returns where it went. A failure is a `TrackingFailure` naming the step; the
    /// MLflow run, once created, is then ended as FAILED when the server still answers.
    public func log(_ run: Run) async throws -> TrackedRun {
        let experiment = try await step("get or create experiment '\(run.experiment)'") {
            try await client.experiment(ensuring: run.experiment)
        }
        let info = try await step("create run") {
            try await client.createRun(experimentID: experiment.experimentID, name: run.runName, tags: Self.tags(run))
        }
        do {
            let now = MLflowClient.milliseconds(Date())
            try await step("log parameters") { try await client.logBatch(runID: info.runID, params: Self.params(run)) }
            try await step("log metrics") { try await client.logBatch(runID: info.runID, metrics: Self.metrics(run, timestamp: now)) }
            for file in run.files {
                try await step("upload \(file.name)") { try await client.uploadArtifact(file: file.url, to: info.artifactURI, path: file.name) }
            }
            let mlmodel = Array(MLmodelFile.text(for: run.model, runID: info.runID).utf8)
            try await step("upload MLmodel") { try await client.uploadArtifact(mlmodel, to: info.artifactURI, path: "MLmodel") }
            var version: ModelVersion?
            if let name = run.registerAs {
                _ = try await step("create registered model '\(name)'") { try await client.registeredModel(ensuring: name) }
                version = try await step("register a version of '\(name)'") {
                    try await client.createModelVersion(name: name, source: info.artifactURI, runID: info.runID,
                                                        tags: [KeyValue(ModelResolver.checksumTag, run.model.fileChecksum ?? "")])
                }
            }
            try await step("end run") { try await client.updateRun(info.runID, status: .finished) }
            return TrackedRun(trackingURI: client.trackingURI, experimentID: experiment.experimentID, runID: info.runID,
                              registeredModel: version?.name, version: version?.version)
        } catch {
            var quick = client
            quick.retryDeadline = .zero
            try? await quick.updateRun(info.runID, status: .failed)
            throw error
        }
    }

    /// Runs `work`, naming `name` in its failure.
    private func step<T>(_ name: String, _ work: () async throws -> T) async throws -> T {
        do { return try await work() } catch let error as RegistryError {
            throw TrackingFailure(step: name, error: error)
        }
    }

    /// Hyperparameters, data source and fingerprint, row counts, library version, git commit.
    static func params(_ run: Run) -> [KeyValue] {
        let m = run.model.metadata
        var params = m.hyperparameters.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) }
        params += [KeyValue("kind", m.kind.rawValue), KeyValue("unit", m.unit.rawValue), KeyValue("classes", m.classLabels.joined(separator: ",")),
                   KeyValue("features", String(m.featureNames.count)), KeyValue("data_source", m.dataSource),
                   KeyValue("data_fingerprint", m.dataFingerprint), KeyValue("accidentml_version", m.libraryVersion),
                   KeyValue("model_checksum", run.model.fileChecksum ?? "")]
        params += m.rowCounts.sorted { $0.key < $1.key }.map { KeyValue("rows_\($0.key)", String($0.value)) }
        if let commit = run.gitCommit { params.append(KeyValue("git_commit", commit)) }
        return params
    }

    /// Unit and kind (to filter runs by), the checksum, and MLflow's own source tags.
    static func tags(_ run: Run) -> [KeyValue] {
        var tags = [KeyValue("unit", run.model.metadata.unit.rawValue), KeyValue("kind", run.model.metadata.kind.rawValue),
                    KeyValue(ModelResolver.checksumTag, run.model.fileChecksum ?? ""),
                    KeyValue("mlflow.source.name", "train"), KeyValue("mlflow.source.type", "LOCAL")]
        if let commit = run.gitCommit { tags.append(KeyValue("mlflow.source.git.commit", commit)) }
        return tags
    }

    /// The final metrics as the model file records them (`validation_auc`, ...) at step 0, and
    /// each learning curve as `curve/<set>_<metric>` with step = round.
    static func metrics(_ run: Run, timestamp: Int64) -> [MetricPoint] {
        var points = run.model.metadata.metrics.sorted { $0.key < $1.key }.map {
            MetricPoint(key: $0.key, value: $0.value, timestamp: timestamp)
        }
        for curve in run.report.learningCurves {
            for (set, values) in [("train", curve.train), ("validation", curve.validation)] where !values.isEmpty {
                points += zip(curve.rounds, values).map {
                    MetricPoint(key: "curve/\(set)_\(curve.metric)", value: $1, timestamp: timestamp, step: Int64($0))
                }
            }
        }
        return points
    }
}

/// A tracking step that failed, and why.
public struct TrackingFailure: Error, CustomStringConvertible, Sendable {
    /// The step, e.g. `upload model.aml`.
    public let step: String
    /// The registry's error.
    public let error: RegistryError

    /// `tracking failed at step '...': <the registry's error>`.
    public var description: String { "tracking failed at step '\(step)': \(error.description)" }
}

/// Where a run was logged: the content of a run folder's `mlflow.json`.
public struct TrackedRun: Codable, Sendable, Equatable {
    /// The server.
    public let trackingURI: String
    /// The experiment.
    public let experimentID: String
    /// The run.
    public let runID: String
    /// The registered model a version was created in, or nil.
    public let registeredModel: String?
    /// That version, or nil.
    public let version: String?

    enum CodingKeys: String, CodingKey {
        case trackingURI = "tracking_uri", experimentID = "experiment_id", runID = "run_id"
        case registeredModel = "registered_model", version
    }

    /// Encodes every key, `null` for no registration (the contract's `mlflow.json`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trackingURI, forKey: .trackingURI)
        try c.encode(experimentID, forKey: .experimentID)
        try c.encode(runID, forKey: .runID)
        try c.encode(registeredModel, forKey: .registeredModel)
        try c.encode(version, forKey: .version)
    }
}
