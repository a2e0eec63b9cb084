import AccidentML
import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import AccidentServer

/// Builds servers that serve the real test models (`TestModels`) for the route tests.
enum TestServer {
    /// The prediction key every test server accepts.
    static let key = "test-key-0123456789abcdef"
    /// The administrator key every test server accepts (reloads).
    static let adminKey = "test-admin-key-0123456789abcdef"

    /// A server on 127.0.0.1 with a free port, one prediction key, one administrator key, the test
    /// models' folder as model folder, and `model` loaded with the production loader unless
    /// `loadModel` is false.
    static func make(_ model: TestModels.File = .accidentLogistic, loadModel: Bool = true, logger: Logger = quietLogger,
                     configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> PredictionServer {
        var c = ServerConfiguration()
        c.port = 0
        c.apiKeys = [key]
        c.adminKeys = [adminKey]
        c.modelDirectory = try TestModels.folderPath()
        if loadModel { c.modelPath = try TestModels.path(model) }
        configure(&c)
        return try await PredictionServer(configuration: c, loader: AccidentModelBackend.loader(maxFileBytes: c.limits.maxModelBytes),
                                          logger: logger)
    }

    /// A server whose start-up model is `backend` (for tests that need a wrapped backend);
    /// later reloads read model files with the production loader.
    static func make(backend: any PredictionBackend) async throws -> PredictionServer {
        var c = ServerConfiguration()
        c.port = 0
        c.apiKeys = [key]
        c.adminKeys = [adminKey]
        c.modelDirectory = try TestModels.folderPath()
        c.modelPath = "in-memory"
        return try await PredictionServer(configuration: c, loader: { path in
            path == "in-memory" ? backend : try AccidentModelBackend.load(path)
        }, logger: quietLogger)
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "accident-server-tests")
        logger.logLevel = .critical
        return logger
    }
}

/// Request records for the test models.
enum TestRecords {
    /// A complete accident: date, time, Corsican département as INSEE text, two vehicles, two people.
    static let accident = #"{"an": 2021, "mois": 6, "jour": 15, "hrmn": "17:45", "dep": "2A", "agg": 2, "vma": 80, "#
        + #""vehicles": [{"catv": 7, "obsm": 2}, {"catv": 33, "motor": 1}], "#
        + #""users": [{"catu": 1, "sexe": 1, "an_nais": 1990, "secu1": 1}, {"catu": 1, "an_nais": 1971, "secu1": 2}]}"#
    /// A minimal accident: the required fields only.
    static let minimalAccident = #"{"an": 2021, "mois": 1, "jour": 3, "vehicles": [{"catv": 7}], "users": [{"catu": 1}]}"#
    /// A pedestrian hit by a car at night (a person-unit record; flat fields and one list).
    static let pedestrian = #"{"an": 2021, "mois": 11, "jour": 20, "hour": 22, "lum": 3, "catu": 3, "place": 10, "#
        + #""catv": 7, "vma": 50, "an_nais": 1948, "dep": "75", "other_catv": [7]}"#

    /// A JSON text as a `RawRecord`, decoded by Foundation (independently of the server's scanner).
    static func raw(_ json: String) throws -> RawRecord {
        try JSONDecoder().decode(RawRecord.self, from: Data(json.utf8))
    }

    /// What the core predicts for a JSON record, straight from the model file.
    static func expected(_ json: String, _ file: TestModels.File) throws -> SeverityPrediction {
        try TestModels.model(file).predict(record: raw(json))
    }
}

extension TestClientProtocol {
    /// POSTs a body with the test API key (or `key`), as JSON unless `contentType` says otherwise.
    func post(_ uri: String, _ body: String, key: String? = TestServer.key,
              contentType: String = "application/json", headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if let key { headers[HTTPField.Name("X-API-Key")!] = key }
        headers[.contentType] = contentType
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// POSTs a reload of `path` (a model file, relative to the model folder or absolute) with the administrator key.
    func reload(path: String, key: String? = TestServer.adminKey) async throws -> TestResponse {
        try await post("/api/v1/reload_model", JSONValue.object(["path": .string(path)]).text, key: key)
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }
}

extension TestResponse {
    /// The body parsed by Foundation's JSONSerialization (independent of the server's writer).
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: body))
        guard let dictionary = object as? [String: Any] else { throw NotAnObject(text: String(buffer: body)) }
        return dictionary
    }

    /// The `error` object of an error body.
    func error() throws -> [String: Any] {
        guard let error = try json()["error"] as? [String: Any] else { throw NotAnObject(text: String(buffer: body)) }
        return error
    }

    /// The probabilities by label of a prediction object, in `labels` order.
    static func probabilities(_ prediction: [String: Any], labels: [String]) throws -> [Double] {
        let p = try #require(prediction["probabilities"] as? [String: Double], "no probabilities in \(prediction)")
        return try labels.map { try #require(p[$0]) }
    }

    var text: String { String(buffer: body) }

    struct NotAnObject: Error { let text: String }
}

/// Whether the server's probabilities are the core's. The server writes each Float probability
/// exactly (shortest round-trip Double text); Foundation's JSON parser on Linux may read it back
/// one ulp off, hence the 1e-12 tolerance.
func same(_ served: [Double], _ expected: SeverityPrediction) -> Bool {
    served.count == expected.probabilities.count
        && zip(served, expected.probabilities).allSatisfy { abs($0 - Double($1)) <= 1e-12 }
}

/// Waits until `semaphore` is signalled, without blocking a Swift concurrency thread.
func waitForSignal(_ semaphore: DispatchSemaphore) async {
    await withCheckedContinuation { c in DispatchQueue.global().async { semaphore.wait(); c.resume() } }
}
