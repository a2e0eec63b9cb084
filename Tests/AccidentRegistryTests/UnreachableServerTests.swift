import AccidentTestSupport
import Foundation
import Testing
@testable import AccidentRegistry

/// A server that does not answer is retried with backoff until the deadline, then reported as unavailable.
@Suite struct UnreachableServerTests {
    @Test func connectionRefusedIsRetriedUntilTheDeadline() async throws {
        var client = try MLflowClient(trackingURI: "http://127.0.0.1:\(ClosedPort.make())", timeout: .seconds(2),
                                      retryDeadline: .milliseconds(700))
        client.initialBackoff = .milliseconds(100)
        let start = ContinuousClock.now
        await #expect {
            _ = try await client.experiment(named: "x")
        } throws: { error in
            guard case .unavailable(let operation, let url, let reason, let attempts) = error as? RegistryError else { return false }
            // Pauses of 100 and 200 ms fit in 700 ms, 400 more do not: 3 attempts on an idle machine; fewer when
            // this task waits for a thread (other suites' blocking tests share the 2-thread pool), never more.
            return operation == "get experiment 'x'" && url == client.trackingURI && reason.contains("refused") && (1...3).contains(attempts)
        }
        #expect(ContinuousClock.now - start >= .milliseconds(300), "the retries pause before giving up")
    }

    @Test func pausesDoubleUpToTheMaximum() {
        var backoff = MLflowClient.Backoff(pause: .milliseconds(100), maximum: .seconds(2))
        #expect((0..<7).map { _ in backoff.next() } == [100, 200, 400, 800, 1600, 2000, 2000].map { Duration.milliseconds($0) })
    }

    @Test func noDeadlineMeansOneAttempt() async throws {
        let client = try MLflowClient(trackingURI: "http://127.0.0.1:\(ClosedPort.make())", retryDeadline: .zero)
        await #expect(throws: RegistryError.self) { _ = try await client.registeredModel("m") }
        do { _ = try await client.registeredModel("m") } catch let RegistryError.unavailable(_, _, _, attempts) {
            #expect(attempts == 1)
        }
    }
}
