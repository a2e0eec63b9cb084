import AccidentML

/// A model of named numeric columns served by `AccidentModelBackend`: its requests can be
/// decoded straight into feature rows (`ColumnRows`) and predicted without a `RawRecord` per
/// record, with the answers and errors of the backend's `predict`.
struct ColumnModel: Sendable {
    let model: AccidentModel
    /// The columns, in feature order (distinct).
    let names: [String]
    /// No rows yet, the name lookup built: copied for each request.
    private let empty: ColumnRows

    /// The fast way in of `backend`, when it offers one (`columnFastPath`) for a model of
    /// distinct named columns. Other backends (tests' wrappers) always get `RawRecord`s.
    init?(_ backend: any PredictionBackend) {
        guard let served = backend.columnFastPath, case .columns(let names) = served.input,
              Set(names).count == names.count else { return nil }
        model = served
        self.names = names
        empty = ColumnRows(names: names)
    }

    /// An empty row buffer for this model's records, with room for `capacity` of them.
    func rows(capacity: Int) -> ColumnRows {
        var rows = empty
        rows.reserveCapacity(rows: capacity)
        return rows
    }

    /// The class probabilities of every row: those `AccidentModelBackend` gives for the same
    /// records, bit for bit (`AccidentModel.predictExactly`).
    func predict(_ rows: ColumnRows) throws -> ProbabilityRows {
        ProbabilityRows(values: try model.predictExactly(rows), classCount: model.classLabels.count)
    }
}
