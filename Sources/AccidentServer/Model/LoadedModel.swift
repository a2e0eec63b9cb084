import AccidentML
import Foundation

/// A backend with what the server reads from it once, at load time.
///
/// Requests take one `LoadedModel` at their start and use only it, so a reload never mixes
/// two models within a request.
struct LoadedModel: Sendable {
    let backend: any PredictionBackend
    let info: ModelInfo
    let fields: [InputField]
    let supportsExplanations: Bool
    /// The fields that hold lists of objects (an accident's `vehicles` and `users`): a model
    /// with any takes JSON only.
    let nestedFields: [String]
    /// The fast way in for a model of named columns (see `ColumnModel`), else nil.
    let columns: ColumnModel?
    /// Where it was loaded from (logged; not shown on unauthenticated routes).
    let path: String
    /// The registry version it is, when it came from the registry.
    let registry: RegistryProvenance?
    let loadedAt: Date

    init(backend: any PredictionBackend, path: String, registry: RegistryProvenance? = nil, loadedAt: Date = Date()) {
        self.backend = backend
        self.info = backend.info
        self.fields = backend.inputFields
        self.supportsExplanations = backend.supportsExplanations
        nestedFields = fields.filter { if case .records = $0.kind { true } else { false } }.map(\.name)
        columns = ColumnModel(backend)
        self.path = path
        self.registry = registry
        self.loadedAt = loadedAt
    }

    /// Predicts `records`, checking the backend's answer (a wrong count or class count is a
    /// backend bug, answered with 500). Backend errors are mapped by `APIError.from`.
    func predict(_ records: [RawRecord], explain: Bool, batch: Bool) throws(APIError) -> [Prediction] {
        let predictions: [Prediction]
        do {
            predictions = try backend.predict(records, explain: explain)
        } catch {
            throw APIError.from(error, batch: batch)
        }
        guard predictions.count == records.count,
              predictions.allSatisfy({ $0.probabilities.count == info.classLabels.count }) else {
            throw APIError.predictionFailed(BackendContractError(kind: info.kind, records: records.count,
                                                                 predictions: predictions.count))
        }
        return predictions
    }
}

/// A backend that returned the wrong number of predictions or probabilities.
struct BackendContractError: Error, CustomStringConvertible {
    let kind: String
    let records: Int
    let predictions: Int
    var description: String {
        "backend '\(kind)' broke its contract: \(predictions) predictions for \(records) records, or a wrong class count"
    }
}
