/// The JSON objects the Python peers print (see `scripts/peers/README.md`), the fields the
/// bench uses. Keys are spelled out: the peers' dictionaries (versions, OpenBLAS variables)
/// must keep their keys as they are.

/// Per-repeat wall times of a peer measurement.
struct PeerTiming: Decodable, Sendable {
    let seconds: [Double]
}

/// One native thread pool loaded by a peer (threadpoolctl).
struct PeerThreadPool: Decodable, Sendable {
    let userApi: String?
    let internalApi: String?
    let version: String?
    let numThreads: Int?
    let architecture: String?

    enum CodingKeys: String, CodingKey {
        case userApi = "user_api", internalApi = "internal_api", version, numThreads = "num_threads", architecture
    }
}

/// The run context every peer reports.
struct PeerContext: Decodable, Sendable {
    let cpuCount: Int?
    let loadavgBefore: LoadAverage
    let loadavgAfter: LoadAverage
    let versions: [String: String]
    let threadPools: [PeerThreadPool]
    let openblasEnv: [String: String]

    enum CodingKeys: String, CodingKey {
        case cpuCount = "cpu_count", loadavgBefore = "loadavg_before", loadavgAfter = "loadavg_after", versions,
             threadPools = "thread_pools", openblasEnv = "openblas_env"
    }
}

/// `pandas_read_peer.py`.
typealias PandasReadOutput = PeerReport<PandasReadFields>

/// The fields of `PandasReadOutput`.
struct PandasReadFields: Decodable, Sendable {
    let bytes: Int
    let read: PeerTiming
}

/// `gbdt_peer.py`, and our own training child, which prints the same fields.
struct GBDTRunOutput: Codable, Sendable {
    let train: TrainTiming
    let peakRssBytes: [Double]
    let rssBeforeTrainingBytes: [Double]
    let testAuc: Double
    let testLogLoss: Double
    let treesBuilt: Int
    let loadavgBefore: LoadAverage
    let loadavgAfter: LoadAverage
    /// Library versions (empty for ours: the report has the Swift and AccidentML versions).
    let versions: [String: String]

    /// Per-repeat seconds.
    struct TrainTiming: Codable, Sendable {
        let seconds: [Double]
    }

    enum CodingKeys: String, CodingKey {
        case train, peakRssBytes = "peak_rss_bytes", rssBeforeTrainingBytes = "rss_before_training_bytes",
             testAuc = "test_auc", testLogLoss = "test_log_loss", treesBuilt = "trees_built",
             loadavgBefore = "loadavg_before", loadavgAfter = "loadavg_after", versions
    }
}

/// `logistic_peer.py`.
typealias LogisticPeerOutput = PeerReport<LogisticPeerFields>

/// The fields of `LogisticPeerOutput`.
struct LogisticPeerFields: Decodable, Sendable {
    let fit: PeerTiming
    let iterations: Int
    let converged: Bool
    let trainObjectiveMean: Double
    let testLogLoss: Double
    let testAuc: Double

    enum CodingKeys: String, CodingKey {
        case fit, iterations, converged, trainObjectiveMean = "train_objective_mean", testLogLoss = "test_log_loss",
             testAuc = "test_auc"
    }
}

/// `accuracy_peer.py`: test AUC and log-loss of every peer model on every split.
typealias AccuracyPeerOutput = PeerReport<AccuracyPeerFields>

/// The fields of `AccuracyPeerOutput`.
struct AccuracyPeerFields: Decodable, Sendable {
    /// The splits, in the order given.
    let splits: [Split]

    /// One split (`--split NAME TRAIN TEST`) and the scores of every model on it.
    struct Split: Decodable, Sendable {
        /// `holdout`, `fold1`…
        let name: String
        /// Rows trained on and scored.
        let trainRows: Int
        let testRows: Int
        /// One entry per model.
        let results: [Result]

        enum CodingKeys: String, CodingKey { case name, trainRows = "train_rows", testRows = "test_rows", results }
    }

    /// One model's test scores on one split (`model`: `lightgbm`, `lightgbm-categorical`, `xgboost`).
    struct Result: Decodable, Sendable {
        /// `accuracy_peer.py --models` name.
        let model: String
        /// Trees (rounds) built.
        let trees: Int
        /// Test AUC and log-loss.
        let auc: Double
        let logLoss: Double
        /// Positive-class test probabilities, in test-row order, on the `--probabilities-of` split only.
        let testProbabilities: [Float]?

        enum CodingKeys: String, CodingKey {
            case model, trees, auc, logLoss = "log_loss", testProbabilities = "test_probabilities"
        }
    }

}

/// `inference_peer.py`.
typealias InferencePeerOutput = PeerReport<InferencePeerFields>

/// The fields of `InferencePeerOutput`.
struct InferencePeerFields: Decodable, Sendable {
    let trees: Int
    let lleavesCompileSeconds: Double
    let maxAbsDifferenceVsLightgbmPredict: [String: Double]
    let batchResults: [Batch]
    let singleRowResults: [SingleRow]

    /// One batch size × thread count × library.
    struct Batch: Decodable, Sendable {
        let library: String
        let batch: Int
        let threads: Int
        let seconds: [Double]
    }

    /// Latency of one single-row path.
    struct SingleRow: Decodable, Sendable {
        let path: String
        let calls: Int
        let p50Us: Double
        let p99Us: Double

        enum CodingKeys: String, CodingKey { case path, calls, p50Us = "p50_us", p99Us = "p99_us" }
    }

    enum CodingKeys: String, CodingKey {
        case trees, lleavesCompileSeconds = "lleaves_compile_seconds",
             maxAbsDifferenceVsLightgbmPredict = "max_abs_difference_vs_lightgbm_predict",
             batchResults = "batch_results", singleRowResults = "single_row_results"
    }
}

/// `fit_peer.py`.
typealias FitPeerOutput = PeerReport<FitPeerFields>

/// The fields of `FitPeerOutput`.
struct FitPeerFields: Decodable, Sendable {
    let fit: PeerTiming
    let startupSeconds: Double
    let validationMetric: Double

    enum CodingKeys: String, CodingKey {
        case fit, startupSeconds = "startup_seconds", validationMetric = "validation_metric"
    }
}

/// A peer's JSON object: its own `Fields` and the run context every peer prints beside them,
/// both decoded from the same top-level object; `report.x` reads field `x` of either.
@dynamicMemberLookup
struct PeerReport<Fields: Decodable & Sendable>: Decodable, Sendable {
    let fields: Fields
    let context: PeerContext

    init(from decoder: any Decoder) throws {
        fields = try Fields(from: decoder)
        context = try PeerContext(from: decoder)
    }

    subscript<Value>(dynamicMember keyPath: KeyPath<Fields, Value>) -> Value { fields[keyPath: keyPath] }
}

extension MeasuredSide {
    /// A peer's per-repeat seconds with the load it reported around them.
    init(name: String, seconds: [Double], context: PeerContext) {
        self.init(name: name, summary: Summary(seconds), loadBefore: context.loadavgBefore, loadAfter: context.loadavgAfter)
    }
}
