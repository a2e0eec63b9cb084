import AccidentML
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("explain=true")
struct ExplainTests {
    /// The explanation's scores: (class, baseline, score, contributions), checking that
    /// baseline + Σ contributions = score.
    static func scores(_ prediction: [String: Any]) throws -> [(label: String, score: Double, contributions: [String: Double])] {
        let explanation = try #require(prediction["explanation"] as? [String: Any])
        let scores = try #require(explanation["scores"] as? [[String: Any]])
        return try scores.map { s in
            let baseline = try #require(s["baseline"] as? Double), score = try #require(s["score"] as? Double)
            let contributions = try #require(s["contributions"] as? [String: Double])
            #expect(abs(baseline + contributions.values.reduce(0, +) - score) < 1e-9 * max(1, abs(score)))
            return (try #require(s["class"] as? String), score, contributions)
        }
    }

    @Test(arguments: [(TestModels.File.accidentLogistic, "linear"), (.accidentGBDT, "tree_shap")])
    func binaryScoresAreTheLogOddsOfThePositiveClass(file: TestModels.File, method: String) async throws {
        let model = try TestModels.model(file)
        try await TestServer.make(file).makeApplication().test(.router) { client in
            for record in [TestRecords.accident, TestRecords.minimalAccident] {
                let body = try await client.post("/api/v1/predict?explain=true", record).json()
                let explanation = try #require(body["explanation"] as? [String: Any])
                #expect(explanation["method"] as? String == method)
                #expect(explanation["unit"] as? String == "log-odds")
                let p = try TestResponse.probabilities(body, labels: model.classLabels)
                let scores = try Self.scores(body)
                #expect(scores.map(\.label) == ["severe"])
                #expect(abs(scores[0].score - log(p[1] / p[0])) < 1e-4)
                let columns = Set(model.input.columnNames(for: model.classifier.family))
                #expect(Set(scores[0].contributions.keys).isSubset(of: columns))
                if method == "tree_shap" { #expect(scores[0].contributions.count == columns.count) }
            }
        }
    }

    @Test func linearContributionsAreCoefficientTimesEncodedValue() async throws {
        let model = try TestModels.model(.accidentLogistic)
        guard case .logistic(let linear) = model.classifier else { Issue.record("not logistic"); return }
        let names = model.input.columnNames(for: .linear)
        try await TestServer.make(.accidentLogistic).makeApplication().test(.router) { client in
            let body = try await client.post("/api/v1/predict?explain=true", TestRecords.accident).json()
            let contributions = try Self.scores(body)[0].contributions
            // One-hot columns of the categories given: their contribution is their coefficient (value 1).
            for (column, value) in contributions where column.contains("=") {
                let j = try #require(names.firstIndex(of: column))
                #expect(abs(value - linear.coefficients[j]) <= 1e-12, "\(column)")
            }
            #expect(contributions.keys.contains { $0.contains("=") })
        }
    }

    @Test func multiclassScoresAreTheSoftmaxInputs() async throws {
        let model = try TestModels.model(.personLogistic)
        try await TestServer.make(.personLogistic).makeApplication().test(.router) { client in
            let body = try await client.post("/api/v1/predict?explain=true", TestRecords.pedestrian).json()
            #expect((body["explanation"] as? [String: Any])?["unit"] as? String == "softmax logit")
            let scores = try Self.scores(body)
            #expect(scores.map(\.label) == model.classLabels)
            let top = scores.map(\.score).max()!
            let e = scores.map { exp($0.score - top) }, sum = e.reduce(0, +)
            let p = try TestResponse.probabilities(body, labels: model.classLabels)
            for k in p.indices { #expect(abs(e[k] / sum - p[k]) < 1e-5) }
        }
    }

    @Test func batchesAreExplainedRecordByRecord() async throws {
        try await TestServer.make(.accidentGBDT).makeApplication().test(.router) { client in
            let batch = "[\(TestRecords.accident), \(TestRecords.minimalAccident)]"
            let r = try await client.post("/api/v1/predict/batch?explain=true", batch)
            let predictions = try #require(try r.json()["predictions"] as? [[String: Any]])
            let single = try await client.post("/api/v1/predict?explain=true", TestRecords.minimalAccident).json()
            #expect(try Self.scores(predictions[1])[0].contributions == Self.scores(single)[0].contributions)
            #expect(try Self.scores(predictions[0])[0].score != Self.scores(predictions[1])[0].score)
        }
    }

    @Test func aModelThatCannotExplainAnswers400() async throws {
        try await TestServer.make(.accidentGBDTWithoutCovers).makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict?explain=true", TestRecords.accident)
            #expect(r.status == .badRequest)
            let error = try r.error()
            #expect(error["code"] as? String == "explanations_unsupported")
            #expect((error["message"] as? String)?.contains("'gbdt'") == true)
            #expect(try await client.post("/api/v1/predict?explain=false", TestRecords.accident).status == .ok)
            let health = try await client.get("/api/v1/test").json()
            #expect((health["model"] as? [String: Any])?["explanations"] as? Bool == false)
        }
    }

    @Test func explainMustBeABoolean() async throws {
        try await TestServer.make().makeApplication().test(.router) { client in
            let r = try await client.post("/api/v1/predict?explain=maybe", TestRecords.accident)
            #expect(r.status == .badRequest)
            #expect(try r.error()["code"] as? String == "invalid_query")
            #expect(try await client.post("/api/v1/predict?explain=1", TestRecords.accident).status == .ok)
        }
    }
}
