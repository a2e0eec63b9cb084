import Foundation
@testable import AccidentML

/// Small seeded reports for the report tests, built through the public builder.
enum ReportFixtures {
    /// A class label and a feature name an attacker could choose.
    static let hostile = "<script>alert('x')</script> & \"co\""

    /// Binary report: `rows` scored rows whose positive probability rises with the label, spread
    /// over a few départements (Paris, Bouches-du-Rhône, Corse-du-Sud, Guadeloupe, unknown).
    static func binary(rows: Int = 400, seed: UInt64 = 11, classLabels: [String] = ["not severe", hostile]) -> TrainingReport {
        var rng = SplitMix64(seed: seed)
        let codes: [Int16] = [75, 13, 201, 971, -1]
        var probabilities: [Float] = [], labels: [Int32] = [], departements: [Int16] = []
        for _ in 0..<rows {
            let y = Int32(rng.next() % 3 == 0 ? 1 : 0)
            let p = min(max(Float(rng.next() % 1000) / 1000 * 0.6 + (y == 1 ? 0.3 : 0.05), 0), 1)
            probabilities += [1 - p, p]
            labels.append(y)
            departements.append(codes[Int(rng.next() % UInt64(codes.count))])
        }
        let features = FeatureMatrix<Float>(rows: (0..<rows).map { r in
            [Float(r % 7), r % 5 == 0 ? .nan : Float(r) / 3]
        }, columnNames: ["code", hostile])
        let run = TrainingReport.RunInfo(modelKind: "gbdt", unit: "accident", classLabels: classLabels,
                                         hyperparameters: ["trees": "30", "note": hostile], dataSource: hostile,
                                         rowCounts: ["train": rows, "validation": rows], seed: seed,
                                         durations: ["train": 1.5], createdAt: "2025-01-02T03:04:05Z")
        let scored = TrainingReport.ScoredRows(probabilities: probabilities, labels: labels, departements: departements)
        return TrainingReport(
            run: run, trainingFeatures: features, train: scored, validation: scored,
            metrics: [ROCAUC(), LogLoss(), Accuracy()],
            learningCurves: [.init(metric: "logloss", higherIsBetter: false, rounds: [1, 2, 3, 4],
                                   train: [0.69, 0.6, 0.55, 0.52], validation: [0.69, 0.62, 0.6, 0.61], bestRound: 3)],
            importance: .init(measure: .gain, features: [.init(name: hostile, value: 3, splits: 4), .init(name: "code", value: 9, splits: 12)]),
            severeClasses: [1])
    }
}

/// The `<svg>…</svg>` fragments of an HTML page, in order (the charts never nest SVG roots).
func svgFragments(_ html: String) -> [String] {
    var fragments: [String] = [], rest = html[...]
    while let open = rest.range(of: "<svg"), let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex) {
        fragments.append(String(rest[open.lowerBound..<close.upperBound]))
        rest = rest[close.upperBound...]
    }
    return fragments
}
