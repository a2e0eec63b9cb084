import AccidentML
import AccidentRequests
import Foundation

/// Serves the core's `AccidentModel` (a `.aml` model file): the server's production backend.
public struct AccidentModelBackend: PredictionBackend {
    /// The model.
    public let model: AccidentModel
    /// The loaded model's kind, version and classes, from its metadata.
    public let info: ModelInfo
    /// The request fields the model reads, for validation and the OpenAPI schemas.
    public let inputFields: [InputField]
    /// Whether `?explain=true` is answered (per-feature contributions).
    public var supportsExplanations: Bool { model.supportsContributions }
    /// The model itself: `predict` answers exactly as `AccidentModel.predictExactly`.
    public var columnFastPath: AccidentModel? { model }

    /// Serves `model`; its version is its file's checksum (`unsaved` for a model never written).
    public init(model: AccidentModel) {
        self.model = model
        info = ModelInfo(kind: model.metadata.kind.rawValue, version: model.version, classLabels: model.classLabels,
                         predictionUnit: model.metadata.unit.rawValue, created: model.metadata.createdAt)
        inputFields = model.input.inputFields
    }

    /// Reads a model file with `AccidentModel.load` (default size limit); a `ModelFileError` says
    /// what is wrong with it.
    public static let load: BackendLoader = loader(maxFileBytes: AccidentModel.defaultMaxFileBytes)

    /// A loader refusing model files larger than `maxFileBytes` before reading them.
    public static func loader(maxFileBytes: Int) -> BackendLoader {
        { path in AccidentModelBackend(model: try AccidentModel.load(from: URL(fileURLWithPath: path), maxFileBytes: maxFileBytes)) }
    }

    /// Predicts each record with `AccidentModel.predict(record:)` (and explains it with
    /// `contributions(record:)`); the first invalid record throws `RecordValidationError`.
    public func predict(_ records: [RawRecord], explain: Bool) throws -> [Prediction] {
        try records.enumerated().map { index, record in
            do {
                let p = try model.predict(record: record)
                return Prediction(probabilities: p.probabilities.map(Double.init),
                                  explanation: explain ? explanation(try model.contributions(record: record)) : nil)
            } catch let error as FeatureInputError {
                throw RecordValidationError(recordIndex: index, error)
            }
        }
    }

    /// The server's form of the core's contributions. A linear model's zero columns (one-hot
    /// columns of other categories) contribute exactly 0 and are left out; a forest's features
    /// are all listed.
    func explanation(_ c: ScoreContributions) -> Explanation {
        let isLinear = model.classifier.family == .linear
        return Explanation(
            method: isLinear ? "linear" : "tree_shap",
            unit: c.scores.count == 1 ? "log-odds" : "softmax logit",  // one score column: the logit of class 1
            scores: c.scores.map { s in
                let kept = s.values.indices.filter { !isLinear || s.values[$0] != 0 }
                return Explanation.Score(classIndex: s.classIndex, baseline: s.baseline,
                                         columns: kept.map { c.columnNames[$0] }, values: kept.map { s.values[$0] })
            })
    }
}
