import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("OpenAPI document and docs page")
struct OpenAPITests {
    @Test func documentListsExactlyTheRoutesOfTheRouter() async throws {
        let server = try await TestServer.make()
        let routed = Set(APIRouter.make(state: server.state).routes.map { "\($0.method.rawValue) \($0.path)" })
        try await server.makeApplication().test(.router) { client in
            let paths = try #require(try await client.get("/api/openapi.json").json()["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(documented == routed)
            #expect(routed.count == 7)
        }
    }

    @Test func securityFollowsTheRoutesAndTheConfiguration() async throws {
        func security(_ server: PredictionServer) async throws -> [String: Bool] {
            try await server.makeApplication().test(.router) { client in
                let doc = try await client.get("/api/openapi.json").json()
                let paths = try #require(doc["paths"] as? [String: [String: [String: Any]]])
                var secured: [String: Bool] = [:]
                for (path, operations) in paths {
                    for (_, operation) in operations {
                        secured[path] = !((operation["security"] as? [Any])?.isEmpty ?? true)
                    }
                }
                return secured
            }
        }
        let withKeys = try await security(try await TestServer.make())
        #expect(withKeys.filter(\.value).keys.sorted() == ["/api/v1/predict", "/api/v1/predict/batch", "/api/v1/reload_model"])
        let insecure = try await security(try await TestServer.make { $0.apiKeys = []; $0.allowsUnauthenticated = true })
        #expect(insecure.values.allSatisfy { !$0 })
    }

    @Test func recordSchemaComesFromTheBackendsFields() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let doc = try await client.get("/api/openapi.json").json()
            #expect(doc["openapi"] as? String == "3.1.0")
            let components = try #require(doc["components"] as? [String: Any])
            let schemes = try #require(components["securitySchemes"] as? [String: [String: String]])
            #expect(schemes["ApiKey"] == ["type": "apiKey", "in": "header", "name": "X-API-Key"])
            let record = try #require((components["schemas"] as? [String: Any])?["Record"] as? [String: Any])
            #expect(record["required"] as? [String] == ["catu"])
            #expect(record["additionalProperties"] as? Bool == false)
            let properties = try #require(record["properties"] as? [String: [String: Any]])
            #expect(Set(properties.keys) == ["catu", "place", "vma"])
            #expect(properties["catu"]?["enum"] as? [Int] == [1, 2, 3])
            let vma = try #require(properties["vma"]?["anyOf"] as? [[String: Any]])
            #expect(vma[0]["maximum"] as? Double == 130)
            #expect(vma.contains { $0["type"] as? String == "null" })
        }
    }

    @Test func everyReferencedSchemaExists() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let text = try await client.get("/api/openapi.json").text
            let schemas = try #require((try await client.get("/api/openapi.json").json()["components"] as? [String: Any])?["schemas"]
                as? [String: Any])
            let refs = text.split(separator: "\"").filter { $0.hasPrefix("#/components/schemas/") }
            #expect(!refs.isEmpty)
            for ref in refs { #expect(schemas[String(ref.dropFirst("#/components/schemas/".count))] != nil, "\(ref)") }
        }
    }

    @Test func docsPageIsSelfContainedAndCoversEveryRoute() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.get("/api/docs")
            #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
            let html = r.text
            for route in APIRoute.catalogue { #expect(html.contains(DocsPage.escape(route.path)), "\(route.path)") }
            for field in ["catu", "place", "vma"] { #expect(html.contains("<code>\(field)</code>")) }
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
            #expect(html.contains("naming <code>[index].field</code>"))
        }
    }
}
