import AccidentML
import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing
@testable import AccidentServer

/// Tests that hold a request inside the model (its `predict` blocks until the test releases
/// it). Each blocks one Swift concurrency thread meanwhile, so they run one at a time: two at
/// once could take every thread of a 2-core machine's pool and wait for each other forever.
@Suite("Requests held inside the model", .serialized)
struct HeldRequestTests {
    /// A real model whose `predict` signals `entered`, then waits for `release`.
    struct GatedBackend: PredictionBackend {
        let inner: AccidentModelBackend
        let entered: DispatchSemaphore
        let release: DispatchSemaphore
        var info: ModelInfo { inner.info }
        var inputFields: [InputField] { inner.inputFields }
        var supportsExplanations: Bool { inner.supportsExplanations }

        func predict(_ records: [RawRecord], explain: Bool) throws -> [Prediction] {
            entered.signal()
            release.wait()
            return try inner.predict(records, explain: explain)
        }
    }

    static func gatedBackend(entered: DispatchSemaphore, release: DispatchSemaphore) throws -> GatedBackend {
        GatedBackend(inner: AccidentModelBackend(model: try TestModels.model(.accidentLogistic)),
                     entered: entered, release: release)
    }

    @Test func requestInFlightFinishesOnTheModelItStartedWith() async throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let gated = try Self.gatedBackend(entered: entered, release: release)
        let v2 = try TestModels.path(.accidentGBDT)
        let (v1Model, v2Model) = (try TestModels.model(.accidentLogistic), try TestModels.model(.accidentGBDT))
        let server = try await TestServer.make(backend: gated)
        try await server.makeApplication().test(.router) { client in
            async let inFlight = client.post("/api/v1/predict", TestRecords.accident)
            await waitForSignal(entered)
            #expect(try await client.reload(path: v2).status == .ok)
            let after = try await client.post("/api/v1/predict", TestRecords.accident).json()
            #expect(after["model_version"] as? String == v2Model.version)
            release.signal()
            let old = try await inFlight.json()
            #expect(old["model_version"] as? String == v1Model.version)
            #expect(same(try TestResponse.probabilities(old, labels: v1Model.classLabels),
                         try TestRecords.expected(TestRecords.accident, .accidentLogistic)))
        }
    }

    @Test func requestInFlightCompletesThenTheServerStops() async throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let gated = try Self.gatedBackend(entered: entered, release: release)
        let server = try await TestServer.make(backend: gated)
        let (ports, portSink) = AsyncStream<Int?>.makeStream()
        let app = server.makeApplication { port in portSink.yield(port) }
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: TestServer.quietLogger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next() ?? nil)
            let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                async let answer = client.post("/api/v1/predict",
                                               headers: [.apiKey: TestServer.key, .contentType: "application/json"],
                                               body: ByteBuffer(string: TestRecords.accident))
                await waitForSignal(entered)
                await group.triggerGracefulShutdown()
                release.signal()
                return try await answer
            }
            #expect(response.status == .ok)
            try await tasks.next()
            // The server has returned: nothing accepts connections on its port any more.
            await #expect(throws: (any Error).self) {
                try await TestClient.withClient(host: "127.0.0.1", port: port) { try await $0.get("/api/v1/test") }
            }
        }
    }
}
