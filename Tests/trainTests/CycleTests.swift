import AccidentML
import Foundation
import Testing
@testable import train

/// generate → fit → inspect → predict → evaluate on small generated data, checked against the
/// library's own answers.
@Suite struct CycleTests {
    @Test func baacPersonCycle() throws {
        let s = try CLISandbox()
        let generated = s.run(["generate", "--accidents", "1200", "--seed", "3", "--output", "train-data"])
        #expect(generated.status == 0, "\(generated.err)")
        #expect(generated.out.contains("caracteristiques-2021.csv") && generated.out.contains("1,200"))
        #expect(s.run(["generate", "--accidents", "400", "--seed", "4", "--year", "2022", "--output", "new-data", "-q"]).status == 0)
        #expect(s.exists("new-data/carcteristiques-2022.csv") && s.exists("new-data/usagers-2022.csv"))

        // fit
        let fit = s.run(["fit", "--baac", "train-data", "--unit", "person", "--model", "logistic", "--output", "runs/p",
                         "--threads", "1"])
        #expect(fit.status == 0, "\(fit.err)")
        #expect(fit.out.contains("validation") && fit.out.contains("f1_macro") && fit.out.contains("runs/p/model.aml"))
        #expect(try s.listing("runs/p") == ["metrics.json", "model.aml", "report.html"])
        let model = try AccidentModel.load(from: s.url("runs/p/model.aml"))
        let trainRows = try BAACReader().read(folder: s.url("train-data")).tables.personRows()
        #expect(model.metadata.kind == .logistic && model.metadata.unit == .person)
        #expect(model.classLabels == PredictionUnit.person.classLabels)
        #expect(model.metadata.rowCounts["train"]! + model.metadata.rowCounts["validation"]! == trainRows.count)
        #expect(model.metadata.dataFingerprint.count == 8 && model.metadata.dataSource == "BAAC train-data")
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("runs/p/metrics.json")))
        let auc = try #require(report.finalMetrics.first { $0.name == "auc" })
        #expect(auc.validation == model.metadata.metrics["validation_auc"] && auc.train == model.metadata.metrics["train_auc"])
        #expect(report.run.rowCounts == model.metadata.rowCounts && report.run.seed == 42)
        #expect(report.confusion.counts.joined().reduce(0, +) == model.metadata.rowCounts["validation"])
        #expect(report.data.features.count == FeatureSpec.defaultPerson.features.count, "features as people read them, not one-hot columns")
        #expect(report.importance.measure == .absoluteCoefficient && report.importance.features.count == model.metadata.featureNames.count)
        #expect(report.severityByDepartement.severeClasses == [2, 3] && !report.severityByDepartement.departements.isEmpty)
        let html = try s.text("runs/p/report.html")
        for chart in ["fig-roc", "fig-calibration", "fig-confusion", "fig-importance", "fig-map"] {
            #expect(html.contains("id=\"\(chart)\"") , "report.html lacks \(chart)")
        }
        #expect(html.components(separatedBy: "<svg").count > 6)

        // inspect
        let inspected = s.run(["inspect", "runs/p/model.aml", "--json"])
        #expect(inspected.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(inspected.out.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "logistic" && json["unit"] as? String == "person")
        #expect(json["checksum"] as? String == model.version && json["formatVersion"] as? Int == 2) // the version this build writes (docs/model-format.md)
        #expect(json["featureCount"] as? Int == model.metadata.featureNames.count)
        #expect(json["fileSize"] as? Int == (try Data(contentsOf: s.url("runs/p/model.aml"))).count)
        let text = s.run(["inspect", "runs/p/model.aml"]).out
        #expect(text.contains(model.version) && text.contains("unharmed, slight, hospitalised, killed") && text.contains("validation"))

        // predict: ids and probabilities are the library's own, to the bit
        let predicted = s.run(["predict", "--model", "runs/p/model.aml", "--baac", "new-data", "--output", "out/predictions.csv",
                               "--threads", "1"])
        #expect(predicted.status == 0, "\(predicted.err)")
        #expect(try s.listing("out") == ["predictions.csv"])
        let csv = CSVText.parse(try s.text("out/predictions.csv"))
        #expect(csv.header == ["Num_Acc", "id_vehicule", "num_veh", "id_usager", "predicted",
                               "p_unharmed", "p_slight", "p_hospitalised", "p_killed"])
        let tables = try BAACReader().read(folder: s.url("new-data")).tables
        let (rows, p) = try model.predict(tables, threads: 1)
        #expect(csv.rows.count == rows.count && rows.count > 400)
        for (r, cells) in csv.rows.enumerated() {
            let user = rows.rows[r].user
            #expect(cells[0] == "\(user.accidentID)" && cells[1] == "\(user.vehicleID)" && cells[3] == "\(user.userID)")
            #expect(cells[2] == user.vehicleNumber.description)
            let probabilities = cells[5...].map { Float($0)! }
            #expect(probabilities == Array(p[(4 * r)..<(4 * r + 4)]), "row \(r)")
            let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
            #expect(cells[4] == model.classLabels[best])
        }

        // evaluate: the same metrics as computed from the library's predictions
        let evaluated = s.run(["evaluate", "--model", "runs/p/model.aml", "--baac", "new-data", "--output", "runs/eval",
                               "--threads", "1"])
        #expect(evaluated.status == 0, "\(evaluated.err)")
        #expect(evaluated.out.contains("evaluation"))
        #expect(try s.listing("runs/eval") == ["metrics.json", "report.html"])
        let evaluation = try TrainingReport.decoded(from: Data(contentsOf: s.url("runs/eval/metrics.json")))
        // predict keeps persons of unknown severity (new cases); evaluate scores the known ones.
        let known = rows.rows.indices.filter { rows.rows[$0].target >= 0 }
        #expect(known.count < rows.count)
        let labels = known.map { rows.rows[$0].target }
        let pKnown = known.flatMap { p[(4 * $0)..<(4 * $0 + 4)] }
        let expectedAUC = ROCAUC().evaluate(probabilities: pKnown, labels: labels, classCount: 4)
        let expectedLogLoss = LogLoss().evaluate(probabilities: pKnown, labels: labels, classCount: 4)
        #expect(abs(evaluation.finalMetrics.first { $0.name == "auc" }!.validation! - expectedAUC) < 1e-12)
        #expect(abs(evaluation.finalMetrics.first { $0.name == "logloss" }!.validation! - expectedLogLoss) < 1e-9)
        #expect(evaluation.run.rowCounts == ["evaluation": known.count])
        #expect(evaluation.run.dataSource.hasPrefix("BAAC new-data (model \(model.version)"))
        #expect(evaluated.out.contains(Format.metric(expectedAUC)))
    }

    @Test func featureCSVCycleWithFolds() throws {
        let s = try CLISandbox()
        let data = SignalCSV(rows: 600, seed: 5)
        try s.write("X.csv", data.features)
        try s.write("y.csv", data.labels)
        let fit = s.run(["fit", "--features", "X.csv", "--labels", "y.csv", "--model", "logistic", "--folds", "3",
                         "--output", "runs/cv", "--threads", "1"])
        #expect(fit.status == 0, "\(fit.err)")
        #expect(fit.out.contains("out-of-fold") && fit.out.contains("3 folds (mean ± sd)"))
        #expect(fit.err.contains("fold 3/3"))
        let model = try AccidentModel.load(from: s.url("runs/cv/model.aml"))
        #expect(model.input == .columns(["a", "b", "c"]) && model.classLabels == ["no", "yes"])
        #expect(model.metadata.rowCounts == ["train": 600, "out-of-fold": 600])
        #expect(model.metadata.hyperparameters["validation"] == "3-fold cross-validation")
        // The same folds trained by hand give the same fold AUCs.
        let all: LabeledMatrix<Float> = try NumericCSV.loadLabeled(features: s.url("X.csv"), labels: s.url("y.csv"))
        let folds = StratifiedSampling.folds(labels: all.labels, classCount: 2, count: 3, seed: 42)
        let aucs = try folds.map { fold in
            let heldOut = all.selecting(rows: fold)
            let rest = all.selecting(rows: (0..<600).filter { !fold.contains($0) })
            let m = try LogisticRegression(c: 1, maxIterations: 200, threads: 1).fit(rest).model
            return ROCAUC().evaluate(probabilities: m.predictProbabilities(heldOut.features, threads: 1),
                                     labels: heldOut.labels, classCount: 2)
        }
        #expect(abs(model.metadata.metrics["cv_auc_mean"]! - aucs.reduce(0, +) / 3) < 1e-9)
        #expect(model.metadata.metrics["validation_auc"]! > 0.8, "the signal is learnable")
        // The final model trains on every row: its fingerprint is that of the whole file.
        #expect(model.metadata.dataFingerprint == all.fingerprint)
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("runs/cv/metrics.json")))
        #expect(report.confusion.counts.joined().reduce(0, +) == 600, "out-of-fold rows stand as validation")

        // Predict a CSV with the columns in another order, an extra column and Num_Acc ids.
        try s.write("new.csv", data.shuffledWithIDs)
        let predicted = s.run(["predict", "--model", "runs/cv/model.aml", "--features", "new.csv", "--output", "p.csv"])
        #expect(predicted.status == 0, "\(predicted.err)")
        let csv = CSVText.parse(try s.text("p.csv"))
        #expect(csv.header == ["Num_Acc", "predicted", "p_no", "p_yes"])
        let expected = try model.predict(all.features, threads: 1)
        #expect(csv.rows.count == 600)
        for (r, cells) in csv.rows.enumerated() {
            #expect(cells[0] == "\(202_100_000_001 + r)")
            #expect(abs(Float(cells[2])! - expected[2 * r]) < 1e-6 && abs(Float(cells[3])! - expected[2 * r + 1]) < 1e-6)
        }
        // Without Num_Acc the ids are the data rows.
        let plain = s.run(["predict", "--model", "runs/cv/model.aml", "--features", "X.csv", "--output", "q.csv", "-q"])
        #expect(plain.status == 0 && plain.out.isEmpty && plain.err.isEmpty)
        let q = CSVText.parse(try s.text("q.csv"))
        #expect(q.header.first == "row" && q.rows.first?.first == "1" && q.rows.last?.first == "600")
    }
}

/// A small feature CSV with a learnable signal: `yes` when a + b/2 > noise, `c` unused.
struct SignalCSV {
    let features: String
    let labels: String
    let shuffledWithIDs: String

    init(rows: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var x = "a,b,c\n", y = "target\n", shuffled = "c,extra,Num_Acc,b,a\n"
        for r in 0..<rows {
            let a = rng.nextUnit() * 4 - 2, b = rng.nextUnit() * 4 - 2, c = rng.nextUnit()
            let noise = (rng.nextUnit() - 0.5) * 1.5
            x += "\(a),\(b),\(c)\n"
            y += (a + b / 2 > noise ? "yes" : "no") + "\n"
            shuffled += "\(c),7,\(202_100_000_001 + r),\(b),\(a)\n"
        }
        features = x; labels = y; shuffledWithIDs = shuffled
    }
}

/// A feature CSV larger than one chunk is predicted chunk by chunk, ids continuing across chunks.
@Suite struct StreamingPredictTests {
    @Test func predictionsSpanChunkBoundaries() throws {
        let s = try CLISandbox()
        let small = SignalCSV(rows: 200, seed: 2)
        try s.write("X.csv", small.features)
        try s.write("y.csv", small.labels)
        #expect(s.run(["fit", "--features", "X.csv", "--labels", "y.csv", "--output", "m", "-q"]).status == 0)
        let rows = PredictCommand.chunkRows + 1_000
        let large = SignalCSV(rows: rows, seed: 3)
        try s.write("big.csv", large.features)
        let result = s.run(["predict", "--model", "m/model.aml", "--features", "big.csv", "--output", "p.csv", "--threads", "1"])
        #expect(result.status == 0, "\(result.err)")
        let csv = CSVText.parse(try s.text("p.csv"))
        #expect(csv.rows.count == rows)
        #expect(csv.rows.map(\.first) == (1...rows).map { "\($0)" })
        let model = try AccidentModel.load(from: s.url("m/model.aml"))
        let whole: FeatureMatrix<Float> = try NumericCSV.loadFeatures(s.url("big.csv"))
        let expected = try model.predict(whole, threads: 1)
        for r in [0, PredictCommand.chunkRows - 1, PredictCommand.chunkRows, rows - 1] {
            #expect(Float(csv.rows[r][3])! == expected[2 * r + 1], "row \(r)")
        }
        #expect(result.out.contains("\(Format.count(rows)) rows"))
    }
}
