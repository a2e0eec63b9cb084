import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

/// The same routes over a real loopback socket (HTTP/1.1 parsing, Content-Length, keep-alive).
@Suite("Live server on loopback")
struct LiveServerTests {
    @Test func everyRouteAnswersOverASocket() async throws {
        let v2 = try TestModels.path(.accidentGBDT)
        try await TestServer.make().makeApplication().test(.live) { client in
            #expect(client.port != nil)
            #expect(try await client.get("/api/v1/test").json()["model_loaded"] as? Bool == true)
            let predict = try await client.post("/api/v1/predict", TestRecords.accident)
            #expect(predict.status == .ok)
            #expect(try predict.json()["predicted_class"] as? String != nil)
            let batch = try await client.post("/api/v1/predict/batch", "[\(TestRecords.accident), \(TestRecords.minimalAccident)]")
            #expect(try batch.json()["count"] as? Int == 2)
            #expect(try await client.get("/api/openapi.json").status == .ok)
            #expect(try await client.get("/api/docs").status == .ok)
            #expect(try await client.get("/metrics").text.contains("accident_http_requests_total"))
            let reload = try await client.reload(path: v2)
            #expect(reload.status == .ok)
            #expect(try await client.post("/api/v1/predict", TestRecords.accident).json()["model_version"] as? String
                    == TestModels.model(.accidentGBDT).version)
        }
    }

    @Test func everyErrorStatusOverASocket() async throws {
        let server = try await TestServer.make { $0.maxBodyBytes = 4096 }
        try await server.makeApplication().test(.live) { client in
            let cases: [(TestResponse, HTTPResponse.Status, String)] = [
                (try await client.post("/api/v1/predict", #"{"an": "#), .badRequest, "malformed_body"),
                (try await client.post("/api/v1/predict", TestRecords.accident, key: "nope-nope-nope-nope"), .unauthorized, "invalid_api_key"),
                (try await client.get("/api/v1/unknown"), .notFound, "not_found"),
                (try await client.get("/api/v1/predict/batch"), .methodNotAllowed, "method_not_allowed"),
                (try await client.post("/api/v1/predict", String(repeating: " ", count: 5000) + "{}"), .contentTooLarge, "body_too_large"),
                (try await client.post("/api/v1/predict", #"{"an": 1800}"#), .unprocessableContent, "invalid_field"),
            ]
            for (response, status, code) in cases {
                #expect(response.status == status)
                #expect(try response.error()["code"] as? String == code)
                #expect(response.headers[.requestID] != nil)
            }
            // The connection is still usable after every error, including the refused large body.
            #expect(try await client.get("/api/v1/test").status == .ok)
        }
    }
}
