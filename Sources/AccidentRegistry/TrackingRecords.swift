/// An MLflow experiment: a named group of runs.
public struct Experiment: Decodable, Sendable, Equatable {
    /// The server's id (a number as text).
    public let experimentID: String
    /// The unique name.
    public let name: String
    /// Where the runs' artifacts go (`mlflow-artifacts:/<id>` with a proxying server).
    public let artifactLocation: String?

    enum CodingKeys: String, CodingKey {
        case experimentID = "experiment_id", name, artifactLocation = "artifact_location"
    }
}

/// How a run ended, or that it is still running.
public enum RunStatus: String, Codable, Sendable {
    /// Still logging.
    case running = "RUNNING"
    /// Waiting to start.
    case scheduled = "SCHEDULED"
    /// Ended normally.
    case finished = "FINISHED"
    /// Ended by an error.
    case failed = "FAILED"
    /// Ended on purpose before finishing.
    case killed = "KILLED"
}

/// A run's identity and state.
public struct RunInfo: Decodable, Sendable, Equatable {
    /// The run's id (32 hex digits).
    public let runID: String
    /// The experiment it belongs to.
    public let experimentID: String
    /// Its display name.
    public let runName: String?
    /// Running, finished, failed...
    public let status: RunStatus
    /// The root of its artifacts (`mlflow-artifacts:/<experiment>/<run>/artifacts`).
    public let artifactURI: String

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", experimentID = "experiment_id", runName = "run_name", status, artifactURI = "artifact_uri"
    }
}

/// A key and a text value: a run's parameter or tag.
public struct KeyValue: Codable, Sendable, Equatable {
    /// The name.
    public var key: String
    /// The value.
    public var value: String

    /// Creates a pair.
    public init(_ key: String, _ value: String) { self.key = key; self.value = value }
}

/// One value of a metric at one step (training round) and time.
public struct MetricPoint: Codable, Sendable, Equatable {
    /// The metric's name, e.g. `validation_auc`.
    public var key: String
    /// Its value (finite; MLflow's JSON has no NaN).
    public var value: Double
    /// Milliseconds since 1970.
    public var timestamp: Int64
    /// The step, e.g. the boosting round; 0 for a final value.
    public var step: Int64

    /// Creates a point.
    public init(key: String, value: Double, timestamp: Int64, step: Int64 = 0) {
        self.key = key; self.value = value; self.timestamp = timestamp; self.step = step
    }
}

/// A run's logged data.
public struct RunData: Decodable, Sendable, Equatable {
    /// The latest value of each metric.
    public let metrics: [MetricPoint]
    /// Its parameters.
    public let params: [KeyValue]
    /// Its tags (MLflow's own `mlflow.*` tags included).
    public let tags: [KeyValue]

    enum CodingKeys: String, CodingKey { case metrics, params, tags }

    /// Decodes the data; MLflow omits empty lists.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metrics = try c.decodeIfPresent([MetricPoint].self, forKey: .metrics) ?? []
        params = try c.decodeIfPresent([KeyValue].self, forKey: .params) ?? []
        tags = try c.decodeIfPresent([KeyValue].self, forKey: .tags) ?? []
    }
}

/// A run: identity and logged data.
public struct Run: Decodable, Sendable, Equatable {
    /// Identity and state.
    public let info: RunInfo
    /// Parameters, latest metrics and tags.
    public let data: RunData
}

/// A registered model: a name under which runs' models are versioned.
public struct RegisteredModel: Decodable, Sendable, Equatable {
    /// The unique name, e.g. `accident-severity`.
    public let name: String
    /// Its aliases and the version each points at.
    public let aliases: [Alias]

    /// An alias of a registered model.
    public struct Alias: Decodable, Sendable, Equatable {
        /// The alias, e.g. `champion`.
        public let alias: String
        /// The version it points at.
        public let version: String
    }

    enum CodingKeys: String, CodingKey { case name, aliases }

    /// Decodes the model; MLflow omits an empty alias list.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([Alias].self, forKey: .aliases) ?? []
    }
}

/// A version of a registered model: the model files of one run.
public struct ModelVersion: Decodable, Sendable, Equatable {
    /// The registered model's name.
    public let name: String
    /// The version number as text (`"1"`, `"2"`, ...).
    public let version: String
    /// Where its files are (`mlflow-artifacts:/<experiment>/<run>/artifacts`).
    public let source: String
    /// The run it came from (empty when registered from elsewhere).
    public let runID: String
    /// `READY` once registered.
    public let status: String?
    /// The aliases pointing at it (given by `get` and alias lookups, not by searches).
    public let aliases: [String]
    /// Its tags (the registry records the model file's checksum as `accidentml.checksum`).
    public let tags: [KeyValue]

    enum CodingKeys: String, CodingKey { case name, version, source, runID = "run_id", status, aliases, tags }

    /// Decodes the version; MLflow omits empty lists and an unknown run.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        version = try c.decode(String.self, forKey: .version)
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        runID = try c.decodeIfPresent(String.self, forKey: .runID) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        tags = try c.decodeIfPresent([KeyValue].self, forKey: .tags) ?? []
    }

    /// The value of tag `key`, or nil.
    public func tag(_ key: String) -> String? { tags.first { $0.key == key }?.value }
}
