import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("POST /api/v1/predict/batch")
struct BatchRouteTests {
    func graveProbabilities(_ response: TestResponse) throws -> [Double] {
        let predictions = try #require(try response.json()["predictions"] as? [[String: Any]])
        return try predictions.map { try #require(($0["probabilities"] as? [String: Double])?["grave"]) }
    }

    @Test func jsonBatchIsPredictedInOrder() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict/batch", #"[{"catu": 1, "vma": 30}, {"catu": 3, "place": 10}]"#)
            #expect(r.status == .ok)
            #expect(try r.json()["count"] as? Int == 2)
            let p = try graveProbabilities(r)
            #expect(abs(p[0] - logistic(-2 + 0.3)) < 1e-12)
            #expect(abs(p[1] - logistic(-2 + 1.5 + 0.5)) < 1e-12)
        }
    }

    @Test func csvBatchGivesTheSameAnswersAsJSON() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let csv = try await client.post("/api/v1/predict/batch", "vma,catu,place\n30,1,\n,3,10\n", contentType: "text/csv")
            let json = try await client.post("/api/v1/predict/batch", #"[{"catu": 1, "vma": 30}, {"catu": 3, "place": 10}]"#)
            #expect(csv.status == .ok)
            #expect(try graveProbabilities(csv) == graveProbabilities(json))
        }
    }

    @Test func oneInvalidRecordFailsTheBatchNamingIndexAndField() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let json = try await client.post("/api/v1/predict/batch", #"[{"catu": 1}, {"catu": 1}, {"catu": 1, "vma": 999}]"#)
            #expect(json.status == .unprocessableContent)
            #expect(try json.error()["field"] as? String == "[2].vma")
            let csv = try await client.post("/api/v1/predict/batch", "catu,vma\n1,20\n5,20\n", contentType: "text/csv")
            #expect(csv.status == .unprocessableContent)
            #expect(try csv.error()["field"] as? String == "[1].catu")
            let backend = try await client.post("/api/v1/predict/batch", #"[{"catu": 1}, {"catu": 2, "place": 10}]"#)
            #expect(backend.status == .unprocessableContent)
            #expect(try backend.error()["field"] as? String == "[1].catu")
        }
    }

    @Test func moreRecordsThanTheLimitIs413() async throws {
        let server = try await TestServer.make { $0.maxBatchSize = 2 }
        try await server.makeApplication().test(.router) { client in
            let json = try await client.post("/api/v1/predict/batch", #"[{"catu": 1}, {"catu": 1}, {"catu": 1}]"#)
            #expect(json.status == .contentTooLarge)
            #expect(try json.error()["code"] as? String == "batch_too_large")
            let csv = try await client.post("/api/v1/predict/batch", "catu\n1\n1\n1\n", contentType: "text/csv")
            #expect(csv.status == .contentTooLarge)
            #expect(try await client.post("/api/v1/predict/batch", #"[{"catu": 1}, {"catu": 1}]"#).status == .ok)
        }
    }

    @Test func emptyBatchIsAnEmptyAnswer() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict/batch", "[]")
            #expect(r.status == .ok)
            #expect(try r.json()["count"] as? Int == 0)
        }
    }

    @Test func explainWorksForBatches() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict/batch?explain=true", #"[{"catu": 3}]"#)
            let first = try #require((try r.json()["predictions"] as? [[String: Any]])?.first)
            #expect((first["explanation"] as? [String: Any])?["baseline"] as? Double == -2)
        }
    }
}
