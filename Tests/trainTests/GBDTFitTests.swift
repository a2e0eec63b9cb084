import AccidentML
import Foundation
import Testing
@testable import train

/// Gradient-boosted trees through `fit`: early stopping, learning curves, folds, importance.
@Suite struct GBDTFitTests {
    @Test func holdOutStopsEarlyAndRecordsTheLearningCurve() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "1500", "--seed", "21", "--output", "gen", "-q"]).status == 0)
        // --curve-every 1: the plain every-round curve, so that its values index by round.
        let fit = s.run(["fit", "--baac", "gen", "--trees", "120", "--early-stopping", "10", "--curve-every", "1", "--output", "run",
                         "--threads", "1"], terminal: true)
        #expect(fit.status == 0, "\(fit.err)")
        #expect(fit.err.contains("/120") && fit.err.contains("valid auc"), "live progress with the validation metric")
        let model = try AccidentModel.load(from: s.url("run/model.aml"))
        guard case .gbdt(let trees) = model.classifier else { Issue.record("expected trees"); return }
        #expect(model.metadata.hyperparameters["rounds_kept"] == "\(trees.roundCount)")
        #expect(model.metadata.hyperparameters["early_stopping"] == "10" && model.metadata.hyperparameters["trees"] == "120")
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("run/metrics.json")))
        let curve = try #require(report.learningCurves.first)
        #expect(curve.metric == "auc" && curve.bestRound == trees.roundCount)
        #expect(curve.rounds == Array(1...curve.rounds.count) && curve.validation.count == curve.rounds.count)
        #expect(curve.rounds.count <= 120 && curve.rounds.count >= trees.roundCount)
        if curve.rounds.count < 120 { #expect(curve.rounds.count - trees.roundCount == 10, "stopped 10 rounds after the best") }
        let best = curve.validation[trees.roundCount - 1]
        #expect(curve.validation.allSatisfy { $0 <= best }, "the kept round has the best validation AUC")
        #expect(abs(best - model.metadata.metrics["validation_auc"]!) < 1e-6)
        #expect(report.importance.measure == .gain && report.importance.features.contains { ($0.splits ?? 0) > 0 })
        #expect(try s.text("run/report.html").contains("id=\"fig-learning\""))

        // The trees predict through the CLI exactly as through the library.
        #expect(s.run(["predict", "--model", "run/model.aml", "--baac", "gen", "--output", "p.csv", "--threads", "1", "-q"]).status == 0)
        let csv = CSVText.parse(try s.text("p.csv"))
        let (rows, p) = try model.predict(try BAACReader().read(folder: s.url("gen")).tables, threads: 1)
        #expect(csv.header == ["Num_Acc", "predicted", "p_not_severe", "p_severe"] && csv.rows.count == rows.count)
        #expect(csv.rows.map { Float($0[3])! } == stride(from: 1, to: p.count, by: 2).map { p[$0] })
    }

    @Test func foldsStopEarlyAndTheFinalModelGrowsTheirMeanRounds() throws {
        let s = try CLISandbox()
        let data = SignalCSV(rows: 900, seed: 8)
        try s.write("X.csv", data.features)
        try s.write("y.csv", data.labels)
        let fit = s.run(["fit", "--features", "X.csv", "--labels", "y.csv", "--folds", "3", "--trees", "80", "--early-stopping", "5",
                         "--metric", "logloss", "--output", "cv", "--verbose"])
        #expect(fit.status == 0, "\(fit.err)")
        // Each fold's bar ends with `... at round K (kept)` in verbose runs.
        let kept = fit.errorLines.filter { $0.contains("(kept)") }.compactMap { line in
            Int(line.components(separatedBy: "at round ").last!.components(separatedBy: " ").first!)
        }
        #expect(kept.count == 3)
        let model = try AccidentModel.load(from: s.url("cv/model.aml"))
        let mean = Int((Double(kept.reduce(0, +)) / 3).rounded())
        #expect(model.metadata.hyperparameters["trees"] == "\(mean)" && model.metadata.hyperparameters["rounds_kept"] == "\(mean)")
        #expect(model.metadata.hyperparameters["early_stopping"] == "off")
        guard case .gbdt(let trees) = model.classifier else { Issue.record("expected trees"); return }
        #expect(trees.roundCount == mean)
        #expect(model.metadata.metrics["cv_logloss_mean"]! < 0.5 && model.metadata.metrics["cv_logloss_sd"]! >= 0)
    }

    @Test func personTreesReportEveryClass() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "800", "--seed", "30", "--output", "gen", "-q"]).status == 0)
        let fit = s.run(["fit", "--baac", "gen", "--unit", "person", "--trees", "40", "--output", "p", "-q"])
        #expect(fit.status == 0, "\(fit.err)")
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("p/metrics.json")))
        #expect(report.roc.map(\.classLabel) == PredictionUnit.person.classLabels)
        #expect(report.finalMetrics.map(\.name) == ["auc", "logloss", "brier", "accuracy", "f1_macro"])
    }
}
