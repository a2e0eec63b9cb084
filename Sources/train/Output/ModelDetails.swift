import AccidentML
import Foundation

/// What `inspect` shows about a loaded model file, as text or as one JSON object.
struct ModelDetails: Encodable {
    var path: String
    var fileSize: Int
    var formatVersion: UInt32
    var checksum: String
    var kind: String
    var unit: String
    var input: String
    var classLabels: [String]
    var featureCount: Int
    var featureNames: [String]
    var hyperparameters: [String: String]
    var metrics: [String: Double]
    var rowCounts: [String: Int]
    var dataFingerprint: String
    var dataSource: String
    var createdAt: String
    var libraryVersion: String

    /// Names shown in the text form before `…`.
    static let shownFeatures = 8

    /// Details of `model`, loaded (and so checked) from `url`.
    init(model: AccidentModel, url: URL, console: Console) {
        let m = model.metadata
        let bytes = (try? Data(contentsOf: url)) ?? Data()
        path = console.display(url)
        fileSize = bytes.count
        // The u32 after the 8 magic bytes (docs/model-format.md); the load has checked it.
        formatVersion = bytes.count >= 12 ? bytes[8..<12].reversed().reduce(0) { $0 << 8 | UInt32($1) } : 0
        checksum = model.version
        kind = m.kind.rawValue; unit = m.unit.rawValue; classLabels = m.classLabels
        switch model.input {
        case .baac(let encoder): input = "BAAC fields (\(encoder.spec.features.count) features, fitted encoder)"
        case .columns: input = "named numeric columns"
        }
        featureNames = m.featureNames
        featureCount = m.featureNames.count
        hyperparameters = m.hyperparameters; metrics = m.metrics; rowCounts = m.rowCounts
        dataFingerprint = m.dataFingerprint; dataSource = m.dataSource
        createdAt = m.createdAt; libraryVersion = m.libraryVersion
    }

    /// The text form: labelled facts, then the metrics table.
    var text: String {
        let names = featureNames.prefix(Self.shownFeatures).joined(separator: ", ")
            + (featureCount > Self.shownFeatures ? ", …" : "")
        var out = Summary.facts([
            ("file", "\(path) (\(Format.bytes(fileSize)), format version \(formatVersion))"),
            ("checksum", "\(checksum) ok (verified on load)"),
            ("kind", kind),
            ("unit", unit),
            ("input", input),
            ("classes", classLabels.joined(separator: ", ")),
            ("features", "\(featureCount): \(names)"),
            ("hyperparameters", hyperparameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
            ("rows", Summary.rows(rowCounts)),
            ("data", "fingerprint \(dataFingerprint) · \(dataSource)"),
            ("created", "\(createdAt) by AccidentML \(libraryVersion)"),
        ])
        if !metrics.isEmpty { out += "\n" + Self.metricsTable(metrics) }
        return out
    }

    /// Flat `set_metric` keys (and `cv_metric_mean`/`_sd`) back into a metric × set table.
    static func metricsTable(_ metrics: [String: Double]) -> String {
        let order = ["auc", "logloss", "brier", "accuracy", "f1", "f1_macro"]
        let known = order.sorted { $0.count > $1.count }  // longest suffix first: f1_macro before f1
        var sets: [String] = [], names: [String] = [], values: [String: Double] = [:]
        for (key, value) in metrics {
            var set = "", name = key
            if key.hasPrefix("cv_"), let end = ["_mean", "_sd"].first(where: key.hasSuffix) {
                name = String(key.dropFirst(3).dropLast(end.count)); set = "cv" + end.replacingOccurrences(of: "_", with: " ")
            } else if let metric = known.first(where: { key.hasSuffix("_" + $0) }) {
                name = metric; set = String(key.dropLast(metric.count + 1))
            }
            if !sets.contains(set) { sets.append(set) }
            if !names.contains(name) { names.append(name) }
            values[set + "\u{0}" + name] = value
        }
        let setOrder = ["train", "validation", "out_of_fold", "evaluation", "cv mean", "cv sd"]
        sets.sort { (setOrder.firstIndex(of: $0) ?? 9, $0) < (setOrder.firstIndex(of: $1) ?? 9, $1) }
        names.sort { (order.firstIndex(of: $0) ?? 9, $0) < (order.firstIndex(of: $1) ?? 9, $1) }
        var table = Table(header: ["metric"] + sets.map { $0.isEmpty ? "value" : $0.replacingOccurrences(of: "_", with: "-") })
        for name in names { table.add([name] + sets.map { values[$0 + "\u{0}" + name].map { Format.metric($0) } ?? "" }) }
        return table.rendered()
    }

    /// The JSON form (`inspect --json`).
    func jsonData() throws -> Data { try TrainingReport.makeJSONEncoder().encode(self) }
}
