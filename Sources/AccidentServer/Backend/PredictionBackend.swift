/// A loaded model as the server sees it: the seam between the HTTP layer and a model family.
///
/// The server never looks inside a model: it reads `info` and `inputFields` once per loaded
/// model, decodes and validates each request record against `inputFields`, and calls
/// `predict`. An adapter for a model type is a few lines: forward these four members.
public protocol PredictionBackend: Sendable {
    /// What was loaded: kind, version, checksum, class labels, prediction unit, creation date.
    var info: ModelInfo { get }
    /// The fields of one input record, in the order of `PredictionRecord.values`.
    var inputFields: [InputField] { get }
    /// Whether `predict(_:explain: true)` returns per-feature contributions.
    var supportsExplanations: Bool { get }

    /// Class probabilities (in `info.classLabels` order) for each record, in record order.
    ///
    /// Records arrive already checked against `inputFields` (types, required fields, codes and
    /// ranges). A backend that finds a record invalid for another reason (e.g. two fields that
    /// contradict each other) throws `RecordValidationError`, which the server answers with
    /// 422 naming the field. `explain` is only true when `supportsExplanations` is.
    func predict(_ records: [PredictionRecord], explain: Bool) throws -> [Prediction]
}

/// Loads a model file into a backend: used at start-up (`MODEL_PATH`) and by `reload_model`.
///
/// Its error's description is returned to the client that asked for the reload, so it should
/// say what is wrong with which file.
public typealias BackendLoader = @Sendable (_ path: String) throws -> any PredictionBackend
