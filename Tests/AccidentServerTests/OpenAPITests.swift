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

    @Test func recordSchemaComesFromTheModelsInputKinds() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let doc = try await client.get("/api/openapi.json").json()
            #expect(doc["openapi"] as? String == "3.1.0")
            let components = try #require(doc["components"] as? [String: Any])
            let schemes = try #require(components["securitySchemes"] as? [String: [String: String]])
            #expect(schemes["ApiKey"] == ["type": "apiKey", "in": "header", "name": "X-API-Key"])
            let record = try #require((components["schemas"] as? [String: Any])?["Record"] as? [String: Any])
            #expect(record["required"] as? [String] == ["an", "mois", "jour", "vehicles", "users"])
            #expect(record["additionalProperties"] as? Bool == false)
            let properties = try #require(record["properties"] as? [String: [String: Any]])
            #expect(properties["an"]?["type"] as? String == "integer" && properties["an"]?["minimum"] as? Int == 1990)
            // Optional fields: the kind's schema or null.
            func optional(_ name: String) throws -> [String: Any] {
                let alternatives = try #require(properties[name]?["anyOf"] as? [[String: Any]])
                #expect(alternatives.count == 2 && alternatives[1]["type"] as? String == "null")
                return alternatives[0]
            }
            #expect(try optional("hrmn")["pattern"] as? String == "^([01]?[0-9]|2[0-3]):[0-5][0-9]$")
            let dep = try #require(try optional("dep")["anyOf"] as? [[String: Any]])
            #expect((dep[0]["enum"] as? [Int])?.contains(201) == true && (dep[0]["enum"] as? [Int])?.contains(-1) == true)
            #expect((dep[1]["enum"] as? [String])?.contains("2A") == true)
            let lum = try optional("lum")
            #expect(lum["enum"] as? [Int] == [-1, 1, 2, 3, 4, 5])
            // Nested records: an array of objects with their own fields.
            let vehicles = try #require(properties["vehicles"])
            #expect(vehicles["type"] as? String == "array")
            let item = try #require(vehicles["items"] as? [String: Any])
            #expect(item["additionalProperties"] as? Bool == false)
            let itemProperties = try #require(item["properties"] as? [String: [String: Any]])
            let catv = try #require((itemProperties["catv"]?["anyOf"] as? [[String: Any]])?.first)
            #expect((catv["enum"] as? [Int])?.contains(33) == true)
        }
    }

    @Test func flatPersonAndColumnSchemas() async throws {
        for (file, listField) in [(TestModels.File.personLogistic, "other_catv"), (.columnsGBDT, nil)] {
            try await TestServer.make(file).makeApplication().test(.router) { client in
                let doc = try await client.get("/api/openapi.json").json()
                let record = try #require(((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Record"]
                    as? [String: Any])
                let properties = try #require(record["properties"] as? [String: [String: Any]])
                if let listField {
                    let list = try #require((properties[listField]?["anyOf"] as? [[String: Any]])?.first)
                    #expect(list["type"] as? String == "array")
                    let flag = try #require((properties["fixed_obstacle"]?["anyOf"] as? [[String: Any]])?.first)
                    #expect((flag["anyOf"] as? [[String: Any]])?.first?["type"] as? String == "boolean")
                } else {
                    #expect(record["required"] as? [String] == ["a", "b", "c"])
                    #expect(properties["a"]?["type"] as? String == "number" && properties["a"]?["minimum"] == nil)
                }
            }
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
            for field in ["an", "hrmn", "vehicles", "vehicles[].catv", "users[].catu"] {
                #expect(html.contains("<code>\(field)</code>"), "\(field)")
            }
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
            #expect(html.contains("naming <code>[index].field</code>"))
        }
    }
}
