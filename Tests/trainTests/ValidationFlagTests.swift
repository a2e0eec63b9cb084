import AccidentML
import Foundation
import Testing
@testable import train

/// `fit` without held-out training rows (`--validation-fraction 0`), on separate validation
/// data (`--validation-data`), the flag combinations it refuses, and `--curve-every`.
@Suite struct ValidationFlagTests {
    /// A sandbox with `X.csv`/`y.csv` (600 rows) and `Xv.csv`/`yv.csv` (200 other rows, same columns).
    static func sandbox() throws -> CLISandbox {
        let s = try CLISandbox()
        let train = SignalCSV(rows: 600, seed: 4), valid = SignalCSV(rows: 200, seed: 5)
        try s.write("X.csv", train.features)
        try s.write("y.csv", train.labels)
        try s.write("Xv.csv", valid.features)
        try s.write("yv.csv", valid.labels)
        return s
    }

    static let data = ["fit", "--features", "X.csv", "--labels", "y.csv", "--threads", "1"]

    @Test func contradictionsAreRefusedWithTheirMessage() throws {
        let s = try Self.sandbox()
        let cases: [([String], String)] = [
            (["--validation-data", "Xv.csv", "--validation-labels", "yv.csv", "--validation-fraction", "0.3"],
             "--validation-data and --validation-fraction are two ways to validate"),
            (["--validation-data", "Xv.csv", "--validation-labels", "yv.csv", "--folds", "3"],
             "--validation-data and --folds are two ways to validate"),
            (["--validation-labels", "yv.csv"], "--validation-labels needs its feature file"),
            (["--validation-fraction", "0", "--early-stopping", "10"],
             "--early-stopping 10 needs validation rows, and --validation-fraction 0 holds none out"),
            (["--validation-data", "Xv.csv"], "--validation-data needs its labels with --features"),
            (["--curve-every", "0"], "--curve-every"),
        ]
        for (flags, message) in cases {
            let line = ErrorTests.failure(s, Self.data + flags, status: 64)
            #expect(line.contains(message), "\(flags): \(line)")
        }
        let database = ErrorTests.failure(s, ["fit", "--database-url", "postgres://u@localhost/db", "--validation-data", "v"],
                                          status: 64)
        #expect(database.contains("--validation-data applies to --features and --baac"), "\(database)")
        #expect(try s.listing() == ["X.csv", "Xv.csv", "y.csv", "yv.csv"], "nothing written")
    }

    @Test func validationFractionZeroTrainsOnEveryRow() throws {
        let s = try Self.sandbox()
        let fit = s.run(Self.data + ["--validation-fraction", "0", "--trees", "30", "--output", "run"])
        #expect(fit.status == 0, "\(fit.err)")
        #expect(fit.out.contains("none: trained on all 600 rows, no row held out"), "\(fit.out)")
        #expect(fit.err.contains("no validation: trained on all rows"), "\(fit.err)")
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("run/metrics.json")))
        #expect(report.run.rowCounts == ["train": 600] && !report.isValidated)
        let model = try AccidentModel.load(from: s.url("run/model.aml"))
        #expect(model.metadata.hyperparameters["early_stopping"] == "off" && model.metadata.hyperparameters["rounds_kept"] == "30")
        #expect(!model.metadata.metrics.keys.contains { $0.hasPrefix("validation_") })
        #expect(try s.text("run/report.html").contains("No validation: the model trained on all 600 rows"))
    }

    @Test func validationDataIsWhatTheRunValidatesOn() throws {
        let s = try Self.sandbox()
        let fit = s.run(Self.data + ["--validation-data", "Xv.csv", "--validation-labels", "yv.csv", "--trees", "40",
                                     "--early-stopping", "5", "--output", "run"])
        #expect(fit.status == 0, "\(fit.err)")
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("run/metrics.json")))
        #expect(report.run.rowCounts == ["train": 600, "validation": 200])
        let curve = try #require(report.learningCurves.first)
        #expect(!curve.validation.isEmpty && curve.validation.count == curve.rounds.count)
        // The validation AUC is the model's on exactly the given rows.
        let model = try AccidentModel.load(from: s.url("run/model.aml"))
        let valid: LabeledMatrix<Float> = try NumericCSV.loadLabeled(features: s.url("Xv.csv"), labels: s.url("yv.csv"))
        guard case .gbdt(let trees) = model.classifier else { Issue.record("expected trees"); return }
        let auc = ROCAUC().evaluate(probabilities: trees.predictProbabilities(valid.features, threads: 1), labels: valid.labels,
                                    classCount: 2)
        #expect(abs(auc - model.metadata.metrics["validation_auc"]!) <= 1e-12)
    }

    @Test func baacValidationFolderIsWhatTheRunValidatesOn() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "900", "--seed", "31", "--output", "train-data", "-q"]).status == 0)
        #expect(s.run(["generate", "--accidents", "300", "--seed", "32", "--year", "2022", "--output", "valid-data", "-q"]).status == 0)
        let fit = s.run(["fit", "--baac", "train-data", "--validation-data", "valid-data", "--trees", "30", "--early-stopping", "5",
                         "--output", "run", "--threads", "1"])
        #expect(fit.status == 0, "\(fit.err)")
        // Every training accident is trained on (no split); the validation rows are the other folder's.
        let trainRows = try BAACReader().read(folder: s.url("train-data")).tables.accidentRows()
        let validTables = try BAACReader().read(folder: s.url("valid-data")).tables
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("run/metrics.json")))
        #expect(report.run.rowCounts == ["train": trainRows.count, "validation": validTables.accidentRows().count])
        let curve = try #require(report.learningCurves.first)
        #expect(!curve.validation.isEmpty && curve.validation.count == curve.rounds.count)
        // The validation AUC is the saved model's on exactly that folder, encoded by the training encoder.
        let model = try AccidentModel.load(from: s.url("run/model.aml"))
        let (rows, p) = try model.predict(validTables, threads: 1)
        let targets = try model.baacEncoder().targets(rows), k = model.classLabels.count
        // Accidents whose severity is unknown (target -1) are predicted but not validated on.
        let known = targets.indices.filter { targets[$0] >= 0 }
        #expect(known.count == validTables.accidentRows().count)
        let auc = ROCAUC().evaluate(probabilities: known.flatMap { p[$0 * k..<($0 + 1) * k] }, labels: known.map { targets[$0] },
                                    classCount: k)
        #expect(abs(auc - model.metadata.metrics["validation_auc"]!) <= 1e-12)

        // A BAAC validation folder takes no label file, and one without BAAC files fails clearly.
        let labelled = ErrorTests.failure(s, ["fit", "--baac", "train-data", "--validation-data", "valid-data",
                                              "--validation-labels", "y.csv", "--output", "run2"], status: 64)
        #expect(labelled.contains("--validation-labels applies to a feature CSV"), "\(labelled)")
        try FileManager.default.createDirectory(at: s.url("empty"), withIntermediateDirectories: true)
        let empty = s.run(["fit", "--baac", "train-data", "--validation-data", "empty", "--output", "run3", "--threads", "1"])
        #expect(empty.status != 0 && empty.err.contains("empty"), "\(empty.err)")
        #expect(!s.exists("run2") && !s.exists("run3"), "nothing written")
    }

    @Test func validationDataOfAnotherLayoutOrWithoutLabelsFailsClearly() throws {
        let s = try Self.sandbox()
        try s.write("Xw.csv", "a,x,c\n1,2,3\n4,5,6\n")
        let layout = ErrorTests.failure(s, Self.data + ["--validation-data", "Xw.csv", "--validation-labels", "yv.csv"], status: 65)
        #expect(layout.contains("Xw.csv does not have the columns of") && layout.contains("X.csv")
                && layout.contains("column 2 is 'b'") && layout.contains("'x' in"), "\(layout)")
        let missing = ErrorTests.failure(s, Self.data + ["--validation-data", "Xv.csv", "--validation-labels", "nope.csv"],
                                         status: 66)
        #expect(missing.contains("--validation-labels nope.csv"), "\(missing)")
        #expect(!s.exists("runs"), "nothing written")
    }

    @Test func curveEveryThinsTheCurveAndKeepsTheLastRound() throws {
        let s = try Self.sandbox()
        let fit = s.run(Self.data + ["--trees", "25", "--early-stopping", "0", "--curve-every", "10", "--output", "run"])
        #expect(fit.status == 0, "\(fit.err)")
        let report = try TrainingReport.decoded(from: Data(contentsOf: s.url("run/metrics.json")))
        let curve = try #require(report.learningCurves.first)
        #expect(curve.rounds == [10, 20, 25] && curve.validation.count == 3 && curve.trainSampleRows == nil)
    }
}
