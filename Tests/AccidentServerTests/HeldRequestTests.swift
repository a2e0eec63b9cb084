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
    /// P(grave) of a driver at 50 km/h under model v1, from the formula.
    static let v1GraveAt50 = logistic(-2 + 0.1 * 5)

    /// A test backend whose `predict` signals `entered`, then waits for `release`.
    static func gatedBackend(entered: DispatchSemaphore, release: DispatchSemaphore) -> LogisticTestBackend {
        var gated = LogisticTestBackend(version: "v1", coefficients: TestServer.v1)
        gated.onPredict = { entered.signal(); release.wait() }
        return gated
    }

    @Test func requestInFlightFinishesOnTheModelItStartedWith() async throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let gated = Self.gatedBackend(entered: entered, release: release)
        let v2 = try TestModelFile.write(version: "v2", coefficients: TestServer.v2)
        let server = try await TestServer.make(backend: gated)
        try await server.makeApplication().test(.router) { client in
            async let inFlight = client.post("/api/v1/predict", #"{"catu": 1, "vma": 50}"#)
            await waitForSignal(entered)
            #expect(try await client.post("/api/v1/reload_model", JSONValue.object(["path": .string(v2)]).text).status == .ok)
            let after = try await client.post("/api/v1/predict", #"{"catu": 1, "vma": 50}"#).json()
            #expect(after["model_version"] as? String == "v2")
            release.signal()
            let old = try await inFlight.json()
            #expect(old["model_version"] as? String == "v1")
            let p = try #require((old["probabilities"] as? [String: Double])?["grave"])
            #expect(abs(p - Self.v1GraveAt50) < 1e-12)
        }
    }

    @Test func requestInFlightCompletesThenTheServerStops() async throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let gated = Self.gatedBackend(entered: entered, release: release)
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
                                               body: ByteBuffer(string: #"{"catu": 1}"#))
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
