import Foundation
import Testing
@testable import AccidentML

@Suite struct TrainingReportJSONTests {
    @Test func roundTripIsExactAndBytesAreStable() throws {
        var report = ReportFixtures.binary()
        // Drop the non-finite values (first ROC threshold is +infinity) to compare with ==.
        report.roc = report.roc.map { s in .init(classLabel: s.classLabel, auc: s.auc, points: Array(s.points.dropFirst())) }
        let data = try report.jsonData()
        #expect(try TrainingReport.decoded(from: data) == report)
        #expect(try report.jsonData() == data)
        let text = String(decoding: data, as: UTF8.self)
        // Sorted keys, pretty printed.
        let keys = ["\"calibration\"", "\"confusion\"", "\"data\"", "\"finalMetrics\"", "\"importance\"", "\"learningCurves\"",
                    "\"roc\"", "\"run\"", "\"schemaVersion\"", "\"severityByDepartement\""]
        let positions = keys.map { text.range(of: "\n  \($0)")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(text.contains("\n  \"schemaVersion\" : 1"))
    }

    @Test func nonFiniteNumbersBecomeStringsAndComeBack() throws {
        var report = ReportFixtures.binary()
        report.finalMetrics.append(.init(name: "auc_single_class", higherIsBetter: true, train: .nan, validation: -.infinity))
        let data = try report.jsonData()
        // Still standard JSON for any reader.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let metrics = try #require(object["finalMetrics"] as? [[String: Any]])
        #expect(metrics.last?["train"] as? String == "NaN")
        #expect(metrics.last?["validation"] as? String == "-Infinity")
        let roc = try #require((object["roc"] as? [[String: Any]])?.first?["points"] as? [[String: Any]])
        #expect(roc.first?["threshold"] as? String == "Infinity")
        let back = try TrainingReport.decoded(from: data)
        #expect(back.finalMetrics.last?.train.isNaN == true)
        #expect(back.finalMetrics.last?.validation == -.infinity)
        #expect(back.roc[0].points[0].threshold == .infinity)
    }

    @Test func malformedConfusionCountsAreRejected() throws {
        let good = try ReportFixtures.binary().jsonData()
        var object = try #require(try JSONSerialization.jsonObject(with: good) as? [String: Any])
        object["confusion"] = ["labels": ["a", "b"], "counts": [[1, 2], [3]]]
        let bad = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try TrainingReport.decoded(from: bad) }
    }

    @Test func writesBothFilesIntoTheRunFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accidentml-report-\(UUID().uuidString)/run")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let report = ReportFixtures.binary()
        try report.write(toRunFolder: folder)
        let json = try Data(contentsOf: folder.appendingPathComponent("metrics.json"))
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(json == (try report.jsonData()))
        #expect(html == ReportRenderer().html(for: report))
    }
}
