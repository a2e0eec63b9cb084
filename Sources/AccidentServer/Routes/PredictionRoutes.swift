import Hummingbird

/// `POST /api/v1/predict` and `POST /api/v1/predict/batch`.
struct PredictionRoutes: Sendable {
    let state: ServerState

    func predict(_ request: Request, context: some RequestContext) async throws -> Response {
        let model = try state.currentModel()
        let explain = try Self.explainFlag(request, model: model)
        try Self.require(request, oneOf: ["application/json"])
        let body = try await RequestBodyReader.collect(request, limit: state.configuration.maxBodyBytes)
        let record: PredictionRecord
        do { record = try JSONRecords.record(body, schema: model.schema) } catch {
            throw APIError.from(error, batch: false)
        }
        let prediction = try model.predict([record], explain: explain, batch: false)[0]
        let labels = model.info.classLabels
        state.metrics.recordPredictions([labels[prediction.predictedClass]])
        return .json(prediction.json(labels: labels, modelVersion: model.info.version))
    }

    func predictBatch(_ request: Request, context: some RequestContext) async throws -> Response {
        let model = try state.currentModel()
        let explain = try Self.explainFlag(request, model: model)
        let mediaType = try Self.require(request, oneOf: ["application/json", "text/csv"])
        let body = try await RequestBodyReader.collect(request, limit: state.configuration.maxBodyBytes)
        let limit = state.configuration.maxBatchSize
        let records: [PredictionRecord]
        do {
            records = mediaType == "text/csv"
                ? try CSVRecords.decode(body, schema: model.schema, maxCount: limit)
                : try JSONRecords.batch(body, schema: model.schema, maxCount: limit)
        } catch {
            throw APIError.from(error, batch: true)
        }
        let predictions = records.isEmpty ? [] : try model.predict(records, explain: explain, batch: true)
        let labels = model.info.classLabels
        state.metrics.recordPredictions(predictions.map { labels[$0.predictedClass] })
        return .json(.object([
            "model_version": .string(model.info.version),
            "count": .integer(predictions.count),
            "predictions": .array(predictions.map { $0.json(labels: labels) }),
        ]))
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
        if explain && !model.supportsExplanations { throw .explanationsUnsupported(kind: model.info.kind) }
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
