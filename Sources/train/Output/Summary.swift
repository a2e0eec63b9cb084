import AccidentML
import Foundation

/// The tables a command prints on stdout when it is done.
enum Summary {
    /// Metrics per scored set (and fold mean ± sd), then rows, times and files.
    static func fit(_ outcome: FitOutcome, console: Console) -> String {
        var text = metricsTable(outcome.scores)
        let m = outcome.model.metadata
        text += "\n" + facts([
            ("model", "\(m.kind), \(m.unit) unit, \(m.featureNames.count) features, classes \(m.classLabels.joined(separator: " / "))"),
            ("rows", rows(outcome.scores.rowCounts)),
            ("time", times(outcome.times, total: outcome.totalSeconds)),
        ] + outcome.files.map { (fileRole($0), console.display($0)) })
        return text
    }

    /// Metrics of the scored sets as a table; fold mean ± sd as a last column with cross-validation.
    static func metricsTable(_ scores: RunScores) -> String {
        let hasFolds = !scores.folds.isEmpty
        var table = Table(header: ["metric"] + scores.sets.map { $0.name.replacingOccurrences(of: "_", with: "-") }
                          + (hasFolds ? ["\(scores.folds.count) folds (mean ± sd)"] : []))
        for (i, name) in scores.metricNames.enumerated() {
            var row = [name] + scores.sets.map { Format.metric($0.metrics[i].value) }
            if let s = scores.foldStatistics(name) { row.append("\(Format.metric(s.mean)) ± \(Format.metric(s.sd))") }
            table.add(row)
        }
        return table.rendered()
    }

    /// Labelled lines: `  label   value`.
    static func facts(_ lines: [(String, String)]) -> String {
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 + "\n" }.joined()
    }

    /// `train 4,000 · validation 1,000`.
    static func rows(_ counts: [String: Int]) -> String {
        let order = ["train", "validation", "evaluation", "folds"]
        return counts.sorted { (order.firstIndex(of: $0.key) ?? 9, $0.key) < (order.firstIndex(of: $1.key) ?? 9, $1.key) }
            .map { "\($0.key) \(Format.count($0.value))" }.joined(separator: " · ")
    }

    /// `load 0.05 s · train 0.30 s · total 0.40 s`.
    static func times(_ times: PhaseTimes, total: Double) -> String {
        (times.phases.map { "\($0.name) \(Format.seconds($0.seconds))" } + ["total \(Format.seconds(total))"])
            .joined(separator: " · ")
    }

    /// What a written file is, from its name.
    static func fileRole(_ url: URL) -> String {
        switch url.pathExtension {
        case "aml": "model file"
        case "json": "metrics"
        case "html": "report"
        default: "written"
        }
    }
}
