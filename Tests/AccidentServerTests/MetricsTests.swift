import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AccidentServer

@Suite("GET /metrics")
struct MetricsTests {
    /// One parsed sample line: name, labels, value.
    struct Sample: Equatable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    /// A strict parser of the text format's sample lines (labels without escapes are enough here).
    static func parse(_ text: String) throws -> [Sample] {
        var samples: [Sample] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            // The value follows the last space (label values may contain spaces).
            let space = try #require(line.lastIndex(of: " "), "bad line \(line)")
            let parts = [line[..<space], line[line.index(after: space)...]]
            let value = try #require(Double(parts[1]), "bad value in \(line)")
            var name = String(parts[0])
            var labels: [String: String] = [:]
            if let brace = name.firstIndex(of: "{") {
                try #require(name.hasSuffix("}"), "bad labels in \(line)")
                for pair in name[name.index(after: brace)..<name.index(before: name.endIndex)].split(separator: ",") {
                    let kv = pair.split(separator: "=", maxSplits: 1)
                    try #require(kv.count == 2 && kv[1].hasPrefix("\"") && kv[1].hasSuffix("\""), "bad label \(pair)")
                    labels[String(kv[0])] = String(kv[1].dropFirst().dropLast())
                }
                name = String(name[..<brace])
            }
            samples.append(Sample(name: name, labels: labels, value: value))
        }
        return samples
    }

    func value(_ samples: [Sample], _ name: String, _ labels: [String: String]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    @Test func countsRequestsErrorsPredictionsAndLatency() async throws {
        let model = try TestModels.model(.accidentLogistic)
        var counted: [String: Double] = [:]
        for record in [TestRecords.accident, TestRecords.accident, TestRecords.accident, TestRecords.minimalAccident] {
            counted[try TestRecords.expected(record, .accidentLogistic).classLabel, default: 0] += 1
        }
        let classes = counted
        try await TestServer.make().makeApplication().test(.router) { client in
            for _ in 0..<3 { _ = try await client.post("/api/v1/predict", TestRecords.accident) }
            _ = try await client.post("/api/v1/predict", TestRecords.minimalAccident)
            _ = try await client.post("/api/v1/predict", #"{"an": 1800}"#)
            _ = try await client.post("/api/v1/predict", TestRecords.accident, key: nil)
            _ = try await client.get("/missing")
            let r = try await client.get("/metrics")
            #expect(r.headers[.contentType] == PrometheusText.contentType)
            let s = try Self.parse(r.text)
            let predict = "/api/v1/predict"
            #expect(value(s, "accident_http_requests_total", ["route": predict, "method": "POST", "status": "200"]) == 4)
            #expect(value(s, "accident_http_requests_total", ["route": predict, "method": "POST", "status": "422"]) == 1)
            #expect(value(s, "accident_http_requests_total", ["route": predict, "method": "POST", "status": "401"]) == 1)
            #expect(value(s, "accident_http_requests_total", ["route": "unmatched", "method": "GET", "status": "404"]) == 1)
            #expect(value(s, "accident_http_errors_total", ["route": predict, "code": "invalid_field"]) == 1)
            #expect(value(s, "accident_http_errors_total", ["route": predict, "code": "missing_api_key"]) == 1)
            for (label, count) in classes { #expect(value(s, "accident_predictions_total", ["class": label]) == count) }
            #expect(value(s, "accident_http_request_duration_seconds_count", ["route": predict]) == 6)
            #expect(value(s, "accident_http_request_duration_seconds_bucket", ["route": predict, "le": "+Inf"]) == 6)
            #expect(value(s, "accident_model_info", ["kind": "logistic", "version": model.version]) == 1)
            #expect(value(s, "accident_model_reloads_total", ["result": "ok"]) == 0)
        }
    }

    @Test func histogramBucketsAreCumulative() {
        var h = LatencyHistogram()
        for seconds in [0.00001, 0.0003, 0.0003, 0.02, 10] { h.observe(seconds) }
        let buckets = h.cumulativeBuckets
        #expect(buckets.first! == (le: "5e-05", count: 1))
        #expect(buckets.first { $0.le == "0.0005" }!.count == 3)
        #expect(buckets.first { $0.le == "0.025" }!.count == 4)
        #expect(buckets.first { $0.le == "5.0" }!.count == 4)
        #expect(buckets.last! == (le: "+Inf", count: 5))
        #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.count <= $1.count })
        #expect(abs(h.sum - 10.02061) < 1e-12)
    }

    @Test func labelValuesAreEscaped() {
        #expect(PrometheusText.escape("a\"b\\c\nd") == #"a\"b\\c\nd"#)
    }
}
