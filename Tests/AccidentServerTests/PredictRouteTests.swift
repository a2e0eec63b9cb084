import AccidentML
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("POST /api/v1/predict")
struct PredictRouteTests {
    @Test(arguments: [(TestModels.File.accidentLogistic, TestRecords.accident),
                      (.accidentGBDT, TestRecords.accident), (.accidentLogistic, TestRecords.minimalAccident),
                      (.personLogistic, TestRecords.pedestrian),
                      (.columnsGBDT, #"{"a": 1.5, "b": -0.25, "c": null}"#)])
    func predictionsAreTheModelsOwn(file: TestModels.File, record: String) async throws {
        let expected = try TestRecords.expected(record, file)
        let model = try TestModels.model(file)
        try await TestServer.make(file).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", record)
            #expect(r.status == .ok)
            let body = try r.json()
            #expect(same(try TestResponse.probabilities(body, labels: model.classLabels), expected))
            #expect(body["predicted_class"] as? String == expected.classLabel)
            #expect(body["model_version"] as? String == model.version)
            #expect(body["explanation"] == nil)
        }
    }

    @Test(arguments: [
        (#"{"mois": 6, "jour": 15, "vehicles": [], "users": []}"#, "an"),
        (#"{"an": "2021", "mois": 6, "jour": 15, "vehicles": [], "users": []}"#, "an"),
        (#"{"an": 2021, "mois": 2, "jour": 30, "vehicles": [], "users": []}"#, "jour"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [{"catv": 7}, {"catv": 77}], "users": []}"#, "vehicles[1].catv"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [], "users": [{"catu": 4}]}"#, "users[0].catu"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [5], "users": []}"#, "vehicles[0]"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "vehicles": 3, "users": []}"#, "vehicles"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [], "users": [], "hrmn": "25:00"}"#, "hrmn"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [], "users": [], "hrmn": "8:00", "hour": 8}"#, "hour"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [], "users": [], "dep": "2C"}"#, "dep"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [{"vitesse": 50}], "users": []}"#, "vehicles[0].vitesse"),
        (#"{"an": 2021, "mois": 6, "jour": 15, "users": [], "vitesse": 50}"#, "vitesse"),
    ])
    func invalidFieldsAre422NamingTheFieldPath(body: String, field: String) async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", body)
            #expect(r.status == .unprocessableContent)
            let error = try r.error()
            #expect(error["code"] as? String == "invalid_field")
            #expect(error["field"] as? String == field, "\(error)")
            #expect((error["message"] as? String)?.contains(field) == true)
            #expect(error["request_id"] as? String == r.headers[.requestID])
        }
    }

    @Test func columnModelRecordsNeedEveryColumn() async throws {
        try await TestServer.make(.columnsGBDT).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", #"{"a": 1, "c": 2}"#)
            #expect(r.status == .unprocessableContent)
            #expect(try r.error()["field"] as? String == "b")
            #expect(try await client.post("/api/v1/predict", #"{"a": 1, "b": "x", "c": 2}"#).status == .unprocessableContent)
        }
    }

    @Test func wellFormedBodyOfTheWrongShapeIs422() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", "[\(TestRecords.accident)]")
            #expect(r.status == .unprocessableContent)
            #expect(try r.error()["code"] as? String == "invalid_body")
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            for body in [#"{"an": "#, "", "not json", #"{"an": 2021,}"#, deep] {
                let r = try await client.post("/api/v1/predict", body)
                #expect(r.status == .badRequest, "\(body.prefix(20))")
                #expect(try r.error()["code"] as? String == "malformed_body")
            }
        }
    }

    @Test func otherContentTypesAre415() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", "an\n2021\n", contentType: "text/csv")
            #expect(r.status == .unsupportedMediaType)
            let ok = try await client.post("/api/v1/predict", TestRecords.accident, contentType: "application/json; charset=utf-8")
            #expect(ok.status == .ok)
        }
    }

    @Test func withoutAModelPredictionsAre503AndHealthSaysSo() async throws {
        try await TestServer.make(loadModel: false).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict", TestRecords.accident)
            #expect(r.status == .serviceUnavailable)
            #expect(try r.error()["code"] as? String == "model_not_loaded")
            let health = try await client.get("/api/v1/test").json()
            #expect(health["model_loaded"] as? Bool == false)
            #expect(health["status"] as? String == "no_model")
        }
    }

    @Test func healthDescribesTheModelFromItsMetadata() async throws {
        let model = try TestModels.model(.accidentGBDT)
        try await TestServer.make(.accidentGBDT).makeApplication().test(.router) { client in
            let health = try await client.get("/api/v1/test").json()
            let m = try #require(health["model"] as? [String: Any])
            #expect(m["kind"] as? String == "gbdt")
            #expect(m["version"] as? String == model.version)
            #expect(m["prediction_unit"] as? String == "accident")
            #expect(m["class_labels"] as? [String] == ["not severe", "severe"])
            #expect(m["created"] as? String == "2024-06-01T12:00:00Z")
            #expect(m["explanations"] as? Bool == true)
        }
    }
}
