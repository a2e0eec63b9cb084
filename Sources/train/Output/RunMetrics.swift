import AccidentML
import Foundation

/// `metrics.json`: a run's metrics on each scored set, with what was run, on what, and how long it took.
struct RunMetrics: Codable, Equatable {
    /// Model family.
    var kind: String
    /// Prediction unit.
    var unit: String
    /// What each class index means.
    var classLabels: [String]
    /// Set (`train`, `validation`, `out_of_fold`, `evaluation`) → metric → value.
    var metrics: [String: [String: Double]]
    /// With cross-validation: metric → each fold's value, in fold order.
    var folds: [String: [Double]]?
    /// Rows per set.
    var rowCounts: [String: Int]
    /// Wall-clock seconds per phase.
    var durations: [String: Double]
    /// CRC-32 of the training features and labels (hex), as in the model file.
    var dataFingerprint: String
    /// Where the data came from.
    var dataSource: String
    /// The run's seed, when it trained.
    var seed: UInt64?
    /// The model file's checksum.
    var modelChecksum: String
    /// When the model was trained (ISO 8601, UTC).
    var createdAt: String
    /// The AccidentML version.
    var libraryVersion: String

    /// The metrics of a run with `model`.
    init(model: AccidentModel, scores: RunScores, durations: [String: Double], seed: UInt64?,
         dataFingerprint: String? = nil, dataSource: String? = nil) {
        let m = model.metadata
        kind = m.kind; unit = m.unit; classLabels = m.classLabels
        metrics = Dictionary(uniqueKeysWithValues: scores.sets.map { set in
            (set.name, Dictionary(uniqueKeysWithValues: set.metrics.map { ($0.name, $0.value) }))
        })
        folds = scores.folds.isEmpty ? nil : Dictionary(uniqueKeysWithValues: scores.metricNames.map { name in
            (name, scores.folds.compactMap { $0.first { $0.name == name }?.value })
        })
        rowCounts = scores.rowCounts
        self.durations = durations
        self.dataFingerprint = dataFingerprint ?? m.dataFingerprint
        self.dataSource = dataSource ?? m.dataSource
        self.seed = seed
        modelChecksum = model.version
        createdAt = m.createdAt
        libraryVersion = m.libraryVersion
    }

    /// The `metrics.json` bytes.
    func jsonData() throws -> Data { try JSONOutput.encoder.encode(self) }
}
