import AccidentML
import AccidentRequests
import Hummingbird

/// `POST /api/v1/predict` and `POST /api/v1/predict/batch`.
struct PredictionRoutes: Sendable {
    let state: ServerState

    func predict(_ request: Request, context: some RequestContext) async throws -> Response {
        let model = try state.currentModel()
        let explain = try Self.explainFlag(request, model: model)
        try Self.require(request, oneOf: ["application/json"])
        let body = try await RequestBodyReader.collect(request, limit: state.configuration.maxBodyBytes)
        let labels = model.info.classLabels
        if let columns = fastColumns(model, explain: explain) {
            var rows = columns.rows(capacity: 1)
            do { try JSONColumnRecords.record(body, into: &rows) } catch {
                throw APIError.from(error, batch: false)
            }
            let probabilities = try predict(rows, on: columns, model: model, batch: false)
            return .json(probabilities.singleJSON(0, labels: labels, modelVersion: model.info.version))
        }
        let record: RawRecord
        do { record = try JSONRecords.record(body) } catch {
            throw APIError.from(error, batch: false)
        }
        let prediction = try predict([record], on: model, explain: explain, batch: false, requestID: context.id)[0]
        return .json(prediction.json(labels: labels, modelVersion: model.info.version))
    }

    func predictBatch(_ request: Request, context: some RequestContext) async throws -> Response {
        let model = try state.currentModel()
        let explain = try Self.explainFlag(request, model: model)
        let mediaType = try Self.require(request, oneOf: ["application/json", "text/csv"])
        if mediaType == "text/csv" && !model.nestedFields.isEmpty { throw APIError.csvNotSupported(nestedFields: model.nestedFields) }
        let body = try await RequestBodyReader.collect(request, limit: state.configuration.maxBodyBytes)
        let limit = state.configuration.maxBatchSize
        let labels = model.info.classLabels
        if let columns = fastColumns(model, explain: explain) {
            var rows = columns.rows(capacity: min(limit, 128))
            do {
                if mediaType == "text/csv" {
                    try CSVColumnRecords.decode(body, fields: model.fields, maxCount: limit, into: &rows)
                } else {
                    try JSONColumnRecords.batch(body, maxCount: limit, into: &rows)
                }
            } catch {
                throw APIError.from(error, batch: true)
            }
            let probabilities = try predict(rows, on: columns, model: model, batch: true)
            return .json(probabilities.batchJSON(labels: labels, modelVersion: model.info.version))
        }
        let records: [RawRecord]
        do {
            records = mediaType == "text/csv"
                ? try CSVRecords.decode(body, fields: model.fields, maxCount: limit)
                : try JSONRecords.batch(body, maxCount: limit)
        } catch {
            throw APIError.from(error, batch: true)
        }
        let predictions = records.isEmpty ? []
            : try predict(records, on: model, explain: explain, batch: true, requestID: context.id)
        return .json(.object([
            "model_version": .string(model.info.version),
            "count": .integer(predictions.count),
            "predictions": .array(predictions.map { $0.json(labels: labels) }),
        ]))
    }

    /// The model's fast way in (records decoded straight into feature rows), when nothing needs
    /// the `RawRecord`s themselves: neither an explanation nor the prediction log.
    private func fastColumns(_ model: LoadedModel, explain: Bool) -> ColumnModel? {
        explain || state.predictionLog != nil ? nil : model.columns
    }

    /// Predicts decoded feature rows and counts the predicted classes.
    private func predict(_ rows: ColumnRows, on columns: ColumnModel, model: LoadedModel,
                         batch: Bool) throws(APIError) -> ProbabilityRows {
        let probabilities: ProbabilityRows
        do { probabilities = try columns.predict(rows) } catch { throw APIError.from(error, batch: batch) }
        state.metrics.recordPredictions(perClass: probabilities.classCounts, labels: model.info.classLabels)
        return probabilities
    }

    /// Predicts, counts the predicted classes, and hands the predictions to the prediction log.
    private func predict(_ records: [RawRecord], on model: LoadedModel, explain: Bool, batch: Bool,
                         requestID: String) throws(APIError) -> [Prediction] {
        let watch = Stopwatch()
        let predictions = try model.predict(records, explain: explain, batch: batch)
        let seconds = watch.seconds
        var perClass = [Int](repeating: 0, count: model.info.classLabels.count)
        for p in predictions { perClass[p.predictedClass] += 1 }
        state.metrics.recordPredictions(perClass: perClass, labels: model.info.classLabels)
        state.predictionLog?.logger.log(records, predictions, model: model.info, requestID: requestID,
                                        seconds: seconds)
        return predictions
    }

    /// The `explain` query parameter (`true`/`false`/`1`/`0`, default false); 400 when the
    /// model kind cannot explain.
    static func explainFlag(_ request: Request, model: LoadedModel) throws(APIError) -> Bool {
        guard let text = request.uri.queryParameters.get("explain") else { return false }
        let explain: Bool
        switch text.lowercased() {
        case "true", "1": explain = true
        case "false", "0": explain = false
        default: throw .invalidQuery("explain", "explain must be true or false, not '\(text)'")
        }
        if explain && !model.supportsExplanations { throw .explanationsUnsupported(model.info) }
        return explain
    }

    /// The request's media type, or 415 when it is not one of `accepted`.
    @discardableResult
    static func require(_ request: Request, oneOf accepted: [String]) throws(APIError) -> String {
        let mediaType = RequestBodyReader.mediaType(request)
        guard accepted.contains(mediaType) else { throw .unsupportedMediaType(mediaType, accepted: accepted) }
        return mediaType
    }
}
