import AccidentML
import Foundation

/// The tables a command prints on stdout when it is done.
enum Summary {
    /// Metrics on the training and validation (or out-of-fold) rows, fold mean ± sd, then
    /// the model, rows, times and files.
    static func fit(_ outcome: FitOutcome, console: Console) -> String {
        let m = outcome.model.metadata
        var columns: [(title: String, value: (TrainingReport.FinalMetric) -> Double?)] = [("train", { $0.train })]
        var lines: [(String, String)] = [
            ("model", "\(m.kind), \(m.unit) unit, \(m.featureNames.count) features, classes \(m.classLabels.joined(separator: " / "))"),
            ("rows", rows(m.rowCounts)),
        ]
        if outcome.report.isValidated {
            columns.append((outcome.validationName, { $0.validation }))
        } else {
            lines.append(("validation", "none: trained on all \(Format.count(m.rowCounts["train"] ?? 0)) rows, no row held out"))
        }
        return metricsTable(outcome.report.finalMetrics, columns: columns, folds: outcome.folds)
            + "\n" + facts(lines + [
                ("time", times(outcome.times, total: outcome.totalSeconds)),
            ] + outcome.files.map { (fileRole($0), console.display($0)) })
    }

    /// One row per metric, one column per scored set, and the folds' mean ± sd when there are folds.
    static func metricsTable(_ metrics: [TrainingReport.FinalMetric],
                             columns: [(title: String, value: (TrainingReport.FinalMetric) -> Double?)],
                             folds: FoldMetrics = FoldMetrics()) -> String {
        let foldTitle = folds.folds.isEmpty ? [] : ["\(folds.folds.count) folds (mean ± sd)"]
        var table = Table(header: ["metric"] + columns.map(\.title) + foldTitle)
        for m in metrics {
            var row = [m.name] + columns.map { $0.value(m).map { Format.metric($0) } ?? "–" }
            if let s = folds.statistics(m.name) { row.append("\(Format.metric(s.mean)) ± \(Format.metric(s.sd))") }
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
        let order = ["train", "validation", "out-of-fold", "evaluation"]
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
