import AccidentML
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("POST /api/v1/predict/batch")
struct BatchRouteTests {
    func probabilities(_ response: TestResponse, labels: [String]) throws -> [[Double]] {
        let predictions = try #require(try response.json()["predictions"] as? [[String: Any]])
        return try predictions.map { try TestResponse.probabilities($0, labels: labels) }
    }

    @Test func jsonBatchIsPredictedInOrderAsSingleRecordsAre() async throws {
        let records = [TestRecords.accident, TestRecords.minimalAccident, TestRecords.accident]
        let model = try TestModels.model(.accidentGBDT)
        try await TestServer.make(.accidentGBDT).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict/batch", "[" + records.joined(separator: ",") + "]")
            #expect(r.status == .ok)
            #expect(try r.json()["count"] as? Int == 3)
            #expect(try r.json()["model_version"] as? String == model.version)
            for (served, record) in zip(try probabilities(r, labels: model.classLabels), records) {
                #expect(same(served, try TestRecords.expected(record, .accidentGBDT)))
            }
        }
    }

    @Test(arguments: [TestModels.File.personLogistic, .columnsGBDT])
    func csvBatchGivesTheSameAnswersAsJSON(file: TestModels.File) async throws {
        let (csv, json) = file == .personLogistic
            ? ("jour,mois,an,catu,dep,hrmn,vma\n15,6,2021,1,2A,17:45,80\n3,1,2021,3,,,\n",
               #"[{"an": 2021, "mois": 6, "jour": 15, "catu": 1, "dep": "2A", "hrmn": "17:45", "vma": 80}, {"an": 2021, "mois": 1, "jour": 3, "catu": 3}]"#)
            : ("c,a,b\n2,1.5,-0.25\n,0,1\n", #"[{"a": 1.5, "b": -0.25, "c": 2}, {"a": 0, "b": 1, "c": null}]"#)
        let labels = try TestModels.model(file).classLabels
        try await TestServer.make(file).makeApplication().test(.router) { client in
            let fromCSV = try await client.post("/api/v1/predict/batch", csv, contentType: "text/csv")
            let fromJSON = try await client.post("/api/v1/predict/batch", json)
            #expect(fromCSV.status == .ok)
            #expect(try probabilities(fromCSV, labels: labels) == probabilities(fromJSON, labels: labels))
        }
    }

    @Test func csvIsRefusedForNestedRecordsAndListFields() async throws {
        try await TestServer.make(.accidentLogistic).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict/batch", "an,mois,jour\n2021,6,15\n", contentType: "text/csv")
            #expect(r.status == .unsupportedMediaType)
            let message = try #require(try r.error()["message"] as? String)
            #expect(message.contains("vehicles") && message.contains("application/json"))
        }
        try await TestServer.make(.personLogistic).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict/batch", "an,mois,jour,catu,other_catv\n2021,6,15,1,7\n",
                                          contentType: "text/csv")
            #expect(r.status == .unprocessableContent)
            #expect(try r.error()["field"] as? String == "other_catv")
        }
    }

    @Test func oneInvalidRecordFailsTheBatchNamingIndexAndPath() async throws {
        let bad = #"{"an": 2021, "mois": 6, "jour": 15, "vehicles": [{"catv": 7}, {"catv": 77}], "users": []}"#
        try await TestServer.make().makeApplication().test(.router) { client in
            let json = try await client.post("/api/v1/predict/batch",
                                             "[\(TestRecords.accident), \(TestRecords.minimalAccident), \(bad)]")
            #expect(json.status == .unprocessableContent)
            #expect(try json.error()["field"] as? String == "[2].vehicles[1].catv")
            let notObject = try await client.post("/api/v1/predict/batch", "[\(TestRecords.accident), 5]")
            #expect(notObject.status == .unprocessableContent)
            #expect(try notObject.error()["field"] as? String == "[1]")
        }
        try await TestServer.make(.personLogistic).makeApplication().test(.router) { client in
            let csv = try await client.post("/api/v1/predict/batch", "an,mois,jour,catu\n2021,6,15,1\n2021,6,15,5\n",
                                            contentType: "text/csv")
            #expect(csv.status == .unprocessableContent)
            #expect(try csv.error()["field"] as? String == "[1].catu")
        }
    }

    @Test func moreRecordsThanTheLimitIs413() async throws {
        let server = try await TestServer.make(.personLogistic) { $0.maxBatchSize = 2 }
        let one = #"{"an": 2021, "mois": 6, "jour": 15, "catu": 1}"#
        try await server.makeApplication().test(.router) { client in
            let json = try await client.post("/api/v1/predict/batch", "[\(one), \(one), \(one)]")
            #expect(json.status == .contentTooLarge)
            #expect(try json.error()["code"] as? String == "batch_too_large")
            let csv = try await client.post("/api/v1/predict/batch", "an,mois,jour,catu\n2021,6,15,1\n2021,6,15,1\n2021,6,15,1\n",
                                            contentType: "text/csv")
            #expect(csv.status == .contentTooLarge)
            #expect(try await client.post("/api/v1/predict/batch", "[\(one), \(one)]").status == .ok)
        }
    }

    @Test func emptyBatchIsAnEmptyAnswer() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict/batch", "[]")
            #expect(r.status == .ok)
            #expect(try r.json()["count"] as? Int == 0)
        }
    }
}
