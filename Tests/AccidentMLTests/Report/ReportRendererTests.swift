import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AccidentML

@Suite struct ReportRendererTests {
    static let chartIDs = ["learning-curves", "roc-curve", "calibration-curve", "confusion-matrix", "class-balance",
                           "feature-importance", "risk-map", "departement-calibration"]

    /// Parses one SVG fragment as XML; returns the first error, if any, and the element names seen.
    /// On Linux `parse()` can return true after a mismatched tag, so errors reported to the
    /// delegate and `parserError` count too.
    static func parse(_ svg: String) -> (error: Error?, elements: [String]) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var errors: [Error] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) { elements.append(name) }
            func parser(_ parser: XMLParser, parseErrorOccurred error: Error) { errors.append(error) }
        }
        let parser = XMLParser(data: Data(svg.utf8)), collector = Collector()
        parser.delegate = collector
        let parsed = parser.parse()
        let error = collector.errors.first ?? parser.parserError ?? (parsed ? nil : CocoaError(.coderReadCorrupt))
        return (error, collector.elements)
    }

    @Test func everyChartIsPresentOnceAndEverySVGIsWellFormedXML() throws {
        let html = ReportRenderer().html(for: ReportFixtures.binary())
        for id in Self.chartIDs {
            #expect(html.components(separatedBy: "<svg id=\"\(id)\"").count == 2, "chart \(id) should appear once")
        }
        let fragments = svgFragments(html)
        #expect(fragments.count == Self.chartIDs.count)
        #expect(html.components(separatedBy: "<svg").count - 1 == fragments.count, "every <svg> is closed")
        for svg in fragments {
            let (error, elements) = Self.parse(svg)
            #expect(error == nil, "\(svg.prefix(60)): \(String(describing: error))")
            #expect(elements.first == "svg" && elements.count > 3)
        }
        // The checker itself rejects an unclosed element and an unescaped ampersand.
        for broken in ["<svg><g></svg>", "<svg>a & b</svg>", "<svg></g></svg>", "<svg>"] {
            #expect(Self.parse(broken).error != nil, "\(broken) must be rejected")
        }
        #expect(Self.parse("<svg><g/></svg>").error == nil)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        for ids in ["data-summary", "run-info", "hyperparameters", "final-metrics", "departement-table"] {
            #expect(html.contains("id=\"\(ids)\""))
        }
    }

    @Test func hostileTextIsEscapedEverywhere() {
        let html = ReportRenderer().html(for: ReportFixtures.binary())
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert('x')"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        // In SVG titles and text too, and still well-formed there.
        let svgs = svgFragments(html)
        #expect(svgs.contains { $0.contains("&lt;script&gt;") })
        #expect(svgs.allSatisfy { Self.parse($0).error == nil })
    }

    @Test func pageIsSelfContained() {
        let html = ReportRenderer().html(for: ReportFixtures.binary())
        // The only URL is the SVG namespace, which is a name, not a fetch.
        let urls = html.components(separatedBy: "http").count - 1
        #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        for forbidden in ["<script", "<link", "@import", "@font-face", "<img", "<iframe"] {
            #expect(!html.contains(forbidden), "\(forbidden) must not appear")
        }
    }

    @Test func renderingIsDeterministic() {
        let a = ReportRenderer().html(for: ReportFixtures.binary())
        let b = ReportRenderer().html(for: ReportFixtures.binary())
        #expect(a == b)
        #expect(a.contains("2025-01-02T03:04:05Z"))
        #expect(a != ReportRenderer().html(for: ReportFixtures.binary(seed: 12)))
    }

    @Test func degenerateReportStillRendersWellFormed() {
        // One class only in validation: no ROC, NaN AUC; no départements, curves or importance.
        let run = TrainingReport.RunInfo(modelKind: "logistic", unit: "accident", classLabels: ["no", "yes"],
                                         seed: 1, createdAt: "2025-01-01T00:00:00Z")
        let scored = TrainingReport.ScoredRows(probabilities: [0.8, 0.2, 0.6, 0.4], labels: [0, 0])
        let report = TrainingReport(run: run, trainingFeatures: FeatureMatrix(rows: [[.nan], [.nan]], columnNames: ["x"]),
                                    train: scored, validation: scored, metrics: [ROCAUC()], learningCurves: [],
                                    importance: .init(measure: .absoluteCoefficient, features: []), severeClasses: [1])
        #expect(report.finalMetrics[0].validation?.isNaN == true)
        let html = ReportRenderer().html(for: report)
        let fragments = svgFragments(html)
        #expect(fragments.count == Self.chartIDs.count)
        #expect(fragments.allSatisfy { Self.parse($0).error == nil })
        #expect(html.contains("No ROC curve"))
        #expect(!html.contains("nan") && !html.contains("NaN"))
    }

    @Test func multiclassReportDrawsOneCurvePerClass() {
        var rng = SplitMix64(seed: 5)
        var probabilities: [Float] = [], labels: [Int32] = []
        for _ in 0..<300 {
            let y = Int(rng.next() % 4)
            var row = (0..<4).map { k in Float(rng.next() % 100 + 1) + (k == y ? 80 : 0) }
            let sum = row.reduce(0, +)
            row = row.map { $0 / sum }
            probabilities += row
            labels.append(Int32(y))
        }
        let run = TrainingReport.RunInfo(modelKind: "gbdt", unit: "person",
                                         classLabels: ["unharmed", "slight", "hospitalised", "killed"],
                                         seed: 5, createdAt: "2025-01-01T00:00:00Z")
        let scored = TrainingReport.ScoredRows(probabilities: probabilities, labels: labels,
                                               departements: labels.map { _ in 69 })
        let report = TrainingReport(run: run, trainingFeatures: FeatureMatrix(rows: labels.map { [Float($0)] }, columnNames: ["x"]),
                                    train: scored, validation: scored, metrics: [ROCAUC()], learningCurves: [],
                                    importance: .init(measure: .gain, features: []), severeClasses: [2, 3])
        let roc = svgFragments(ReportRenderer().html(for: report)).first { $0.hasPrefix("<svg id=\"roc-curve\"") } ?? ""
        for label in run.classLabels { #expect(roc.contains("\(label): AUC")) }
        #expect(!roc.contains("threshold 0.5"), "the operating point is drawn for two classes only")
    }
}
