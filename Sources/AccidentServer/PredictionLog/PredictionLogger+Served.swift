import AccidentML
import AccidentStore
import Foundation

extension PredictionLogger {
    /// Queues one row per served prediction: the record as JSON, the predicted class and the
    /// probabilities by label. `seconds` is the model's time for the whole request, shared evenly
    /// among its records. Never blocks (see `log`).
    func log(_ records: [RawRecord], _ predictions: [Prediction], model: ModelInfo, requestID: String, seconds: Double) {
        let now = Date()
        let microseconds = Int64((seconds * 1e6 / Double(max(records.count, 1))).rounded())
        for (record, prediction) in zip(records, predictions) {
            log(PredictionRecord(
                time: now, modelVersion: model.version, requestID: requestID,
                featuresJSON: JSONValue(record).text,
                predictedClass: model.classLabels[prediction.predictedClass],
                probabilities: Dictionary(uniqueKeysWithValues: zip(model.classLabels, prediction.probabilities)),
                latencyMicroseconds: microseconds))
        }
    }
}

extension JSONValue {
    /// A request record as JSON (keys sorted, so equal records give equal text).
    init(_ record: RawRecord) {
        self = .object(record.fields.sorted { $0.key < $1.key }.map { ($0.key, JSONValue($0.value)) })
    }

    /// A request value as JSON.
    init(_ value: RawValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let fields): self = .object(fields.sorted { $0.key < $1.key }.map { ($0.key, JSONValue($0.value)) })
        }
    }
}
