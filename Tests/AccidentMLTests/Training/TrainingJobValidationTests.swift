import Foundation
import Testing
@testable import AccidentML

/// The plans without held-out training rows: no validation at all, and separate validation rows.
@Suite struct TrainingJobValidationTests {
    static func provenance(_ job: TrainingJob) -> TrainingProvenance {
        TrainingProvenance(unit: .accident, metric: .auc, validation: job.validation, seed: job.seed, dataSource: "test")
    }

    @Test func noValidationTrainsOnEveryRowAndReportsNoValidationMetric() throws {
        let data = TrainingJobTests.columns(rows: 240)
        let job = TrainingJob(trainer: TrainingJobTests.trees(), validation: .allRows, seed: 3)
        let result = try job.run(on: .columns(data))
        #expect(result.rowCounts == ["train": 240] && result.split.train.labels.count == 240)
        #expect(result.validation == nil && result.split.heldOut.labels.isEmpty)
        #expect(result.model.learningCurves.first?.validation.isEmpty == true)
        let (model, report) = result.assemble(Self.provenance(job), classLabels: data.classLabels)
        #expect(!report.isValidated && report.finalMetrics.allSatisfy { $0.validation == nil && $0.train.isFinite })
        #expect(report.roc.isEmpty && report.calibration.isEmpty)
        #expect(!model.metadata.metrics.keys.contains { $0.hasPrefix("validation_") } && model.metadata.metrics["train_auc"] != nil)
        #expect(model.metadata.hyperparameters["validation"] == "no validation: trained on all rows")
        let json = String(decoding: try report.jsonData(), as: UTF8.self)
        #expect(!json.contains("\"validation\" : \"NaN\""))
        #expect(try TrainingReport.decoded(from: report.jsonData()) == report)
        let html = ReportRenderer().html(for: report)
        #expect(html.contains("No validation: the model trained on all 240 rows") && !html.contains("id=\"fig-roc\""))
    }

    @Test func noValidationRefusesEarlyStopping() {
        let job = TrainingJob(trainer: TrainingJobTests.trees(patience: 5), validation: .allRows, seed: 3)
        #expect { try job.validate() } throws: { error in
            guard let e = error as? TrainingError, case .invalidValidation("earlyStopping", let reason) = e else { return false }
            return reason.contains("needs validation rows")
        }
    }

    @Test func separateRowsAreTheValidationRows() throws {
        let train = TrainingJobTests.columns(rows: 240), valid = TrainingJobTests.columns(rows: 90, classes: 2)
        let job = TrainingJob(trainer: TrainingJobTests.trees(rounds: 30, patience: 5), validation: .separate, seed: 3)
        let result = try job.run(on: .columns(train), validationRows: .columns(valid))
        #expect(result.rowCounts == ["train": 240, "validation": 90])
        #expect(result.validation?.labels == valid.labels && result.split.heldOut.features.storage == valid.features.storage)
        // Early stopping watched the given rows: the same model as the trainer on them.
        guard case .gbdt(let p, let metric) = job.trainer, case .gbdt(let trained) = result.model.classifier else {
            Issue.record("expected trees"); return
        }
        #expect(try GBDTTrainer(parameters: p).train(train, validation: valid, metric: metric.metric) == trained)
    }

    @Test func separateRowsOfAnotherLayoutAreRefusedNamingTheColumn() throws {
        let train = TrainingJobTests.columns(rows: 240)
        var other = TrainingJobTests.columns(rows: 90)
        other.features = FeatureMatrix(rowCount: 90, columnNames: ["a", "z"], storage: other.features.storage)
        let job = TrainingJob(trainer: TrainingJobTests.trees(), validation: .separate, seed: 3)
        #expect(throws: TrainingError.validationLayout(detail: "column 2 is \"b\" in the training rows and \"z\" in the validation rows")) {
            try job.run(on: .columns(train), validationRows: .columns(other))
        }
        #expect(throws: TrainingError.self) { try job.run(on: .columns(train)) }
        #expect(throws: TrainingError.self) {
            try TrainingJob(trainer: TrainingJobTests.trees(), seed: 3).run(on: .columns(train), validationRows: .columns(train))
        }
    }
}
