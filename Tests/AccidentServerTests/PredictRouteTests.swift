import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("POST /api/v1/predict")
struct PredictRouteTests {
    @Test func predictsClassAndProbabilitiesByLabel() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", #"{"catu": 3, "place": 10, "vma": 80}"#)
            #expect(r.status == .ok)
            let body = try r.json()
            let p = try #require(body["probabilities"] as? [String: Double])
            let grave = logistic(-2 + 1.5 + 0.1 * 8)
            #expect(abs(try #require(p["grave"]) - grave) < 1e-12)
            #expect(abs(try #require(p["indemne_ou_leger"]) - (1 - grave)) < 1e-12)
            #expect(body["predicted_class"] as? String == "grave")
            #expect(body["model_version"] as? String == "v1")
            #expect(body["explanation"] == nil)
        }
    }

    @Test func missingOptionalFieldUsesTheModelsDefault() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let body = try await client.post("/api/v1/predict", #"{"catu": 1}"#).json()
            let p = try #require(body["probabilities"] as? [String: Double])
            #expect(abs(try #require(p["grave"]) - logistic(-2 + 0.1 * 5)) < 1e-12)
            #expect(body["predicted_class"] as? String == "indemne_ou_leger")
        }
    }

    @Test func explainReturnsContributions() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let body = try await client.post("/api/v1/predict?explain=true", #"{"catu": 3, "vma": 50}"#).json()
            let explanation = try #require(body["explanation"] as? [String: Any])
            #expect(explanation["baseline"] as? Double == -2)
            let contributions = try #require(explanation["contributions"] as? [String: Double])
            #expect(contributions["catu"] == 1.5)
            #expect(abs(try #require(contributions["vma"]) - 0.5) < 1e-12)
        }
    }

    @Test func explainOnAModelKindWithoutContributionsIs400() async throws {
        try await TestServer.make(explains: false).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict?explain=true", #"{"catu": 1}"#)
            #expect(r.status == .badRequest)
            let error = try r.error()
            #expect(error["code"] as? String == "explanations_unsupported")
            #expect((error["message"] as? String)?.contains("opaque-test") == true)
            #expect(try await client.post("/api/v1/predict?explain=false", #"{"catu": 1}"#).status == .ok)
            #expect(try await client.post("/api/v1/predict?explain=maybe", #"{"catu": 1}"#).status == .badRequest)
        }
    }

    @Test(arguments: [
        (#"{"catu": 4}"#, "catu"), (#"{"vma": 50}"#, "catu"), (#"{"catu": "3"}"#, "catu"),
        (#"{"catu": 1, "vma": 131}"#, "vma"), (#"{"catu": 1, "vma": 50.5}"#, "vma"), (#"{"catu": 1, "lum": 1}"#, "lum"),
    ])
    func invalidFieldsAre422NamingTheField(body: String, field: String) async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", body)
            #expect(r.status == .unprocessableContent)
            let error = try r.error()
            #expect(error["code"] as? String == "invalid_field")
            #expect(error["field"] as? String == field)
            #expect(error["request_id"] as? String == r.headers[.requestID])
        }
    }

    @Test func backendValidationIs422NamingTheField() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", #"{"catu": 3, "place": 2}"#)
            #expect(r.status == .unprocessableContent)
            #expect(try r.error()["field"] as? String == "place")
        }
    }

    @Test func wellFormedBodyOfTheWrongShapeIs422() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", #"[{"catu": 1}]"#)
            #expect(r.status == .unprocessableContent)
            #expect(try r.error()["code"] as? String == "invalid_body")
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            for body in [#"{"catu": "#, "", "not json"] {
                let r = try await client.post("/api/v1/predict", body)
                #expect(r.status == .badRequest, "\(body)")
                #expect(try r.error()["code"] as? String == "malformed_body")
            }
        }
    }

    @Test func otherContentTypesAre415() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", "catu\n1\n", contentType: "text/csv")
            #expect(r.status == .unsupportedMediaType)
            let ok = try await client.post("/api/v1/predict", #"{"catu": 1}"#, contentType: "application/json; charset=utf-8")
            #expect(ok.status == .ok)
        }
    }

    @Test func withoutAModelPredictionsAre503AndHealthSaysSo() async throws {
        try await TestServer.make(loadModel: false).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", #"{"catu": 1}"#)
            #expect(r.status == .serviceUnavailable)
            #expect(try r.error()["code"] as? String == "model_not_loaded")
            let health = try await client.get("/api/v1/test").json()
            #expect(health["model_loaded"] as? Bool == false)
            #expect(health["status"] as? String == "no_model")
        }
    }
}
