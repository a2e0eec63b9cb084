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
            // Pauses 100, 200, 400 ms fit in 700 ms only up to the third: 3 attempts (2 on a slow connect).
            return operation == "get experiment 'x'" && url == client.trackingURI && reason.contains("refused") && (2...4).contains(attempts)
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(3))
    }

    @Test func noDeadlineMeansOneAttempt() async throws {
        let client = try MLflowClient(trackingURI: "http://127.0.0.1:\(ClosedPort.make())", retryDeadline: .zero)
        await #expect(throws: RegistryError.self) { _ = try await client.registeredModel("m") }
        do { _ = try await client.registeredModel("m") } catch let RegistryError.unavailable(_, _, _, attempts) {
            #expect(attempts == 1)
        }
    }
}
