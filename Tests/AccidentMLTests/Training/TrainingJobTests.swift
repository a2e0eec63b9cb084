import Foundation
import Testing
@testable import AccidentML

/// The core's training workflow: hold-out, k-fold with out-of-fold predictions, progress
/// events, and the checks front ends rely on.
@Suite struct TrainingJobTests {
    /// Two noisy clusters on two columns: learnable, not separable.
    static func columns(rows n: Int = 240, classes: Int = 2) -> LabeledMatrix<Float> {
        var rng = SplitMix64(seed: 5)
        var labels: [Int32] = [], a: [Float] = [], b: [Float] = []
        for r in 0..<n {
            let y = r % classes
            labels.append(Int32(y))
            a.append(Float(y) + Float(rng.nextUnit()) * 1.5)
            b.append(Float(rng.nextUnit()))
        }
        return LabeledMatrix(features: FeatureMatrix(rowCount: n, columnNames: ["a", "b"], storage: a + b),
                             labels: labels, classLabels: (0..<classes).map { "c\($0)" })
    }

    static func trees(rounds: Int = 20, patience: Int = 0) -> ModelTrainer {
        var p = GBDTParameters()
        p.rounds = rounds
        p.earlyStoppingPatience = patience
        p.minDataInLeaf = 5
        return .gbdt(p, metric: .logloss)
    }

    @Test func holdOutScoresTheHeldOutRowsWithTheFinalModel() throws {
        let data = Self.columns()
        var events: [TrainingEvent] = []
        let job = TrainingJob(trainer: Self.trees(), validation: .holdOut(fraction: 0.25), seed: 3)
        let result = try job.run(on: .columns(data)) { events.append($0) }
        #expect(result.rowCounts == ["train": 180, "validation": 60] && result.validationName == "validation")
        #expect(result.folds.folds.isEmpty && result.model.learningCurves.first?.rounds.count == 20)
        let p = result.model.classifier.classifier.predictProbabilities(result.split.heldOut.features, threads: 1)
        #expect(p == result.validation?.probabilities && result.validation?.labels == result.split.heldOut.labels)
        let steps = events.filter { if case .step(.holdOut, _, _) = $0 { true } else { false } }
        #expect(steps.count == 20)
        guard case .started(.holdOut, .gbdt, 20)? = events.first, case .finished(.holdOut, _)? = events.last else {
            Issue.record("expected started ... finished, got \(events)"); return
        }
    }

    @Test func foldsAssembleOutOfFoldPredictionsAndTheFinalModelKeepsTheirMeanRounds() throws {
        let data = Self.columns(classes: 3)
        var scored = 0
        let job = TrainingJob(trainer: Self.trees(rounds: 60, patience: 5), validation: .folds(3), seed: 9)
        let result = try job.run(on: .columns(data)) { if case .foldScored = $0 { scored += 1 } }
        #expect(scored == 3 && result.folds.folds.count == 3 && result.validationName == "out-of-fold")
        #expect(result.validation?.labels == data.labels && result.validation?.probabilities.count == data.labels.count * 3)
        // Every row's out-of-fold prediction comes from the model that did not train on it:
        // re-run fold by fold and compare, row by row.
        let folds = StratifiedSampling.folds(labels: data.labels, classCount: 3, count: 3, seed: 9)
        for fold in folds {
            let held = Set(fold)
            let split = LabeledRows.columns(data).encode(train: data.labels.indices.filter { !held.contains($0) },
                                                         heldOut: fold, for: .trees, threads: 1)
            let model = try Self.trees(rounds: 60, patience: 5).train(split.train, validation: split.heldOut)
            let p = model.classifier.classifier.predictProbabilities(split.heldOut.features, threads: 1)
            for (j, r) in fold.enumerated() {
                #expect(Array(result.validation!.probabilities[(r * 3)..<(r * 3 + 3)]) == Array(p[(j * 3)..<(j * 3 + 3)]))
            }
        }
        guard case let .gbdt(final, _) = result.trainer, case .gbdt(let model) = result.model.classifier else {
            Issue.record("expected trees"); return
        }
        #expect(final.earlyStoppingPatience == 0 && model.roundCount == final.rounds && model.objective == .multiclass)
    }

    @Test func refusesWhatCannotBeTrained() throws {
        let data = Self.columns()
        let oneClass = LabeledMatrix(features: data.features, labels: data.labels.map { _ in 1 }, classLabels: data.classLabels)
        #expect(throws: TrainingError.singleClass(label: "c1")) {
            try TrainingJob(trainer: Self.trees(), seed: 1).run(on: .columns(oneClass))
        }
        #expect(throws: TrainingError.tooFewRows(count: 240, validation: .folds(241))) {
            try TrainingJob(trainer: Self.trees(), validation: .folds(241), seed: 1).run(on: .columns(data))
        }
        for plan in [ValidationPlan.holdOut(fraction: 1), .holdOut(fraction: 0), .folds(1)] {
            #expect(throws: TrainingError.self) { try TrainingJob(trainer: Self.trees(), validation: plan, seed: 1).validate() }
        }
        var p = GBDTParameters()
        p.numLeaves = 1
        do {
            try TrainingJob(trainer: .gbdt(p, metric: .auc), seed: 1).validate()
            Issue.record("expected an invalid parameter")
        } catch let error as any AccidentMLError {
            #expect(error.category == .usage && error.parameter == "numLeaves")
        }
    }

    @Test func assemblyRecordsTypedKindUnitAndTheRunsMetrics() throws {
        let data = Self.columns()
        let job = TrainingJob(trainer: Self.trees(), validation: .holdOut(fraction: 0.25), seed: 3)
        let result = try job.run(on: .columns(data))
        let (model, report) = result.assemble(TrainingProvenance(unit: .accident, metric: .auc, validation: job.validation,
                                                                 seed: 3, dataSource: "test"), classLabels: data.classLabels)
        #expect(model.metadata.kind == .gbdt && model.metadata.unit == .accident)
        #expect(model.metadata.hyperparameters["validation"] == "25 % stratified hold-out")
        #expect(model.metadata.metrics["validation_auc"] == report.finalMetrics.first { $0.name == "auc" }?.validation)
        #expect(model.metadata.dataFingerprint == result.split.train.fingerprint)
    }
}
