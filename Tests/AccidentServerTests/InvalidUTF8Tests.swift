import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

/// Invalid UTF-8 inside a JSON string is a malformed body (400), not a bad field value (issue 16, item 8).
@Suite("Invalid UTF-8 in JSON")
struct InvalidUTF8Tests {
    @Test func invalidUTF8InAStringIs400() async throws {
        let server = try await TestServer.make()
        var body = ByteBuffer(string: #"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [{"catv": 7}], "users": [{"catu": 1}], "dep": ""#)
        body.writeBytes([0xC3, 0x28, 0xFF])
        body.writeString("\"}")
        let request = body
        try await server.makeApplication().test(.router) { client in
            let r = try await client.execute(uri: "/api/v1/predict", method: .post,
                                             headers: [.apiKey: TestServer.key, .contentType: "application/json"], body: request)
            #expect(r.status == .badRequest)
            #expect(try r.error()["code"] as? String == "malformed_body")
            #expect(try (r.error()["message"] as? String ?? "").contains("invalid UTF-8"))
        }
    }
}
