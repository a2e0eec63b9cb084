import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import AccidentServer

/// Builds servers with the test backend for the route tests.
enum TestServer {
    /// The API key every test server accepts.
    static let key = "test-key-0123456789abcdef"
    /// The coefficients of model version v1.
    static let v1 = LogisticTestBackend.Coefficients(bias: -2, pedestrian: 1.5, speed: 0.1)
    /// The coefficients of model version v2 (predictions differ from v1's).
    static let v2 = LogisticTestBackend.Coefficients(bias: 1, pedestrian: -0.5, speed: -0.2)

    /// A server on 127.0.0.1 with a free port, one API key, and model v1 loaded from a model
    /// file unless `loadModel` is false.
    static func make(explains: Bool = true, loadModel: Bool = true,
                     configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> PredictionServer {
        var c = ServerConfiguration()
        c.port = 0
        c.apiKeys = [key]
        if loadModel { c.modelPath = try TestModelFile.write(version: "v1", coefficients: v1, explains: explains) }
        configure(&c)
        return try await PredictionServer(configuration: c, loader: TestModelFile.load, logger: quietLogger)
    }

    /// A server whose start-up model is `backend` (for tests that need a hand-made backend);
    /// later reloads read test model files.
    static func make(backend: LogisticTestBackend) async throws -> PredictionServer {
        var c = ServerConfiguration()
        c.port = 0
        c.apiKeys = [key]
        c.modelPath = "in-memory"
        return try await PredictionServer(configuration: c, loader: { path in
            path == "in-memory" ? backend : try TestModelFile.load(path)
        }, logger: quietLogger)
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "accident-server-tests")
        logger.logLevel = .critical
        return logger
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

    var text: String { String(buffer: body) }

    struct NotAnObject: Error { let text: String }
}

/// Waits until `semaphore` is signalled, without blocking a Swift concurrency thread.
func waitForSignal(_ semaphore: DispatchSemaphore) async {
    await withCheckedContinuation { c in DispatchQueue.global().async { semaphore.wait(); c.resume() } }
}

/// `1 / (1 + e^-z)`, written out here independently of the backend.
func logistic(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
