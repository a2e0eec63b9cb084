import Foundation
import Testing
@testable import AccidentServer

/// What an anonymous client can hold of the server: connections over the cap are refused at
/// once, slow heads and bodies and silent kept-alive connections are closed on their deadline,
/// and a graceful shutdown has a deadline of its own (issue 16, items 1 and 4).
///
/// Deadlines here are fractions of a second; every wait is bounded by `within:` seconds so a
/// server that fails to close fails the test instead of hanging it.
@Suite("Connection limits and deadlines", .serialized)
struct ConnectionLimitTests {
    static let head = "GET /api/v1/test HTTP/1.1\r\nHost: localhost\r\n\r\n"

    /// A POST head announcing `length` body bytes, with the prediction key.
    static func predictHead(length: Int) -> String {
        "POST /api/v1/predict HTTP/1.1\r\nHost: localhost\r\nX-API-Key: \(TestServer.key)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(length)\r\n\r\n"
    }

    @Test func connectionsOverTheCapAreAnswered503AndClosedAtOnce() async throws {
        let server = try await TestServer.make { $0.limits.maxConnections = 3 }
        try await LiveServer.with(server) { port, _ in
            var held = try (0..<3).map { _ in try RawConnection(port: port) }
            #expect(await LiveServer.eventually { server.state.connections.snapshot.open == 3 })
            let extra = try RawConnection(port: port)
            let refused = await extra.readUntilClosed(within: 20)
            #expect(refused.closed)
            #expect(refused.text.hasPrefix("HTTP/1.1 503"))
            #expect(refused.text.contains("too_many_connections"))
            // The held connections still work, and a place freed is a place taken again.
            try held[0].send(Self.head)
            #expect(await held[0].readUntil(within: 20) { $0.contains("model_loaded") }.text.hasPrefix("HTTP/1.1 200"))
            held.removeLast()
            #expect(await LiveServer.eventually { server.state.connections.snapshot.open == 2 })
            let again = try RawConnection(port: port)
            try again.send(Self.head)
            #expect(await again.readUntil(within: 20) { $0.contains("model_loaded") }.text.hasPrefix("HTTP/1.1 200"))
            let counts = server.state.connections.snapshot
            #expect(counts.refused == 1 && counts.accepted == 4)
            let metrics = PrometheusText.render(server.state.metrics.snapshot, model: nil, connections: counts)
            #expect(metrics.contains(#"accident_http_connections_total{result="refused"} 1"#))
            #expect(metrics.contains("accident_http_connections_open 3"))
        }
    }

    @Test func aHeadSentTooSlowlyIsClosed() async throws {
        let server = try await TestServer.make { $0.limits.headerTimeout = .milliseconds(300) }
        try await LiveServer.with(server) { port, _ in
            let silent = try RawConnection(port: port)
            let slow = try RawConnection(port: port)
            try slow.send("POST /api/v1/predict HTTP/1.1\r\nHost: local")
            for connection in [silent, slow] {
                let answer = await connection.readUntilClosed(within: 20)
                #expect(answer.closed && answer.text.isEmpty)
            }
            #expect(server.state.connections.snapshot.timedOut[.header] == 2)
            #expect(await LiveServer.eventually { server.state.connections.snapshot.open == 0 })
        }
    }

    @Test func aBodySentTooSlowlyIsClosed() async throws {
        let server = try await TestServer.make { $0.limits.bodyTimeout = .milliseconds(300) }
        try await LiveServer.with(server) { port, _ in
            let slow = try RawConnection(port: port)
            try slow.send(Self.predictHead(length: 1000) + #"{"an":"#)
            let answer = await slow.readUntilClosed(within: 20)
            #expect(answer.closed)
            #expect(!answer.text.hasPrefix("HTTP/1.1 200"))
            #expect(server.state.connections.snapshot.timedOut[.body] == 1)
        }
    }

    @Test func aSilentKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        let server = try await TestServer.make { $0.limits.idleTimeout = .milliseconds(300) }
        try await LiveServer.with(server) { port, _ in
            let client = try RawConnection(port: port)
            try client.send(Self.head)
            let answer = await client.readUntilClosed(within: 20)
            #expect(answer.text.hasPrefix("HTTP/1.1 200") && answer.text.contains("model_loaded"))
            #expect(answer.closed)
            let counts = server.state.connections.snapshot
            #expect(counts.timedOut[.idle] == 1 && counts.timedOut[.header, default: 0] == 0)
        }
    }

    @Test func aClientHoldingItsBodyCannotHoldTheShutdown() async throws {
        // The body deadline is far away: only the shutdown deadline can end this request.
        let server = try await TestServer.make {
            $0.limits.bodyTimeout = .seconds(3600)
            $0.limits.shutdownTimeout = .milliseconds(500)
        }
        let slow = RawHolder()
        let started = Date()
        try await LiveServer.with(server) { port, group in
            slow.connection = try RawConnection(port: port)
            try slow.connection?.send(Self.predictHead(length: 1000) + #"{"an":"#)
            #expect(await LiveServer.eventually { server.state.connections.snapshot.open == 1 })
            try await Task.sleep(for: .milliseconds(200))  // the head reaches the route
            await group.triggerGracefulShutdown()
        }
        // `with` returned: the server stopped although the client never finished its body.
        #expect(Date().timeIntervalSince(started) < 600, "bounded by the test, far above the 0.5 s deadline")
        #expect(await slow.connection?.readUntilClosed(within: 20).closed == true)
    }

    final class RawHolder: @unchecked Sendable { var connection: RawConnection? }
}
