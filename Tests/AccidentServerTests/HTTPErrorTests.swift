import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("HTTP errors and request ids")
struct HTTPErrorTests {
    @Test func unknownRouteIs404WithAJSONBody() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            for uri in ["/api/v1/nothing", "/", "/api/v2/predict"] {
                let r = try await client.get(uri)
                #expect(r.status == .notFound)
                #expect(try r.error()["code"] as? String == "not_found")
            }
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let get = try await client.get("/api/v1/predict")
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            #expect(try get.error()["code"] as? String == "method_not_allowed")
            let post = try await client.post("/api/v1/test", "{}")
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET")
            let delete = try await client.execute(uri: "/metrics", method: .delete)
            #expect(delete.status == .methodNotAllowed)
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        let server = try await TestServer.make { $0.maxBodyBytes = 200 }
        try await server.makeApplication().test(.router) { client in
            let padding = String(repeating: " ", count: 200)
            let r = try await client.post("/api/v1/predict", TestRecords.minimalAccident + padding)
            #expect(r.status == .contentTooLarge)
            #expect(try r.error()["code"] as? String == "body_too_large")
            #expect(try await client.post("/api/v1/predict", TestRecords.minimalAccident).status == .ok)
        }
    }

    /// An endless body: reading it whole would never finish, so the limit must stop it.
    struct EndlessBody: AsyncSequence, Sendable {
        struct AsyncIterator: AsyncIteratorProtocol {
            mutating func next() async -> ByteBuffer? { ByteBuffer(repeating: UInt8(ascii: " "), count: 1000) }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator() }
    }

    @Test func bodyLimitIsEnforcedWhileReading() async throws {
        let head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/v1/predict")
        let request = Request(head: head, body: RequestBody(asyncSequence: EndlessBody()))
        await #expect(throws: APIError.bodyTooLarge(limit: 10_000)) {
            try await RequestBodyReader.collect(request, limit: 10_000)
        }
    }

    @Test func declaredLengthOverTheLimitIsRefusedBeforeReading() async throws {
        var head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/v1/predict")
        head.headerFields[.contentLength] = "1000001"
        let request = Request(head: head, body: RequestBody(asyncSequence: EndlessBody()))
        await #expect(throws: APIError.bodyTooLarge(limit: 1_000_000)) {
            try await RequestBodyReader.collect(request, limit: 1_000_000)
        }
    }

    @Test func incomingRequestIDIsEchoedInHeaderAndErrorBody() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let ok = try await client.get("/api/v1/test", headers: [.requestID: "dispatch-42"])
            #expect(ok.headers[.requestID] == "dispatch-42")
            let error = try await client.post("/api/v1/predict", "{}", key: nil, headers: [.requestID: "dispatch-43"])
            #expect(error.headers[.requestID] == "dispatch-43")
            #expect(try error.error()["request_id"] as? String == "dispatch-43")
        }
    }

    @Test func missingOrUnsafeRequestIDIsReplacedByAGeneratedOne() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let first = try #require(try await client.get("/api/v1/test").headers[.requestID])
            let second = try #require(try await client.get("/api/v1/test").headers[.requestID])
            #expect(!first.isEmpty && first != second)
            for unsafe in ["has space", String(repeating: "x", count: 129), "quote\"d"] {
                let r = try await client.get("/api/v1/test", headers: [.requestID: unsafe])
                #expect(r.headers[.requestID] != unsafe)
                #expect(r.headers[.requestID]?.isEmpty == false)
            }
        }
    }
}
