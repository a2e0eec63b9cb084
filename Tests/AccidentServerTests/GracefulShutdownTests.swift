import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing
@testable import AccidentServer

@Suite("Graceful shutdown")
struct GracefulShutdownTests {
    @Test func requestInFlightCompletesThenTheServerStops() async throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        var gated = LogisticTestBackend(version: "v1", coefficients: TestServer.v1)
        gated.onPredict = { entered.signal(); release.wait() }
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
