import AccidentML
import AccidentRequests

/// A loaded model as the server sees it: the seam between the HTTP layer and the model.
///
/// The server reads `info`, `inputFields` and `supportsExplanations` once per loaded model,
/// decodes each request record into a `RawRecord` (JSON values by field name) and calls
/// `predict`, which validates and encodes the records. `AccidentModelBackend` is the
/// production one; tests wrap it to hold a request inside the model.
public protocol PredictionBackend: Sendable {
    /// What was loaded: kind, version, class labels, prediction unit, creation date.
    var info: ModelInfo { get }
    /// The fields of one record (the core's description, also the source of the JSON schema).
    var inputFields: [InputField] { get }
    /// Whether `predict(_:explain: true)` returns per-feature contributions.
    var supportsExplanations: Bool { get }

    /// Class probabilities (in `info.classLabels` order) for each record, in record order.
    ///
    /// All or nothing: the first invalid record throws `RecordValidationError` (its index and
    /// the field path), answered with 422. `explain` is only true when `supportsExplanations` is.
    func predict(_ records: [RawRecord], explain: Bool) throws -> [Prediction]

    /// The core model whose `predictExactly` gives the same answers as `predict`, or nil.
    ///
    /// Optional (nil by default): with it, requests to a model of named columns are decoded
    /// straight into feature rows, without a `RawRecord` per record (see `ColumnModel`).
    var columnFastPath: AccidentModel? { get }
}

extension PredictionBackend {
    /// No fast path: every request goes through `predict`.
    public var columnFastPath: AccidentModel? { nil }
}

/// Loads a model file into a backend: used at start-up (`MODEL_PATH`) and by `reload_model`.
///
/// Its error's description is returned to the client that asked for the reload, so it should
/// say what is wrong with which file.
public typealias BackendLoader = @Sendable (_ path: String) throws -> any PredictionBackend
