extension ModelTrainer {
    /// Trains on `train`; `validation` (nil for a final model) drives early stopping and the
    /// learning curve where the family has them; `curve` says which rounds the curve records.
    /// `step` is called with the steps done (of `progressSteps`) and a detail such as
    /// `valid auc 0.8123`.
    public func train(_ train: LabeledMatrix<Float>, validation: LabeledMatrix<Float>?, curve: LearningCurvePlan = .automatic,
                      step: (_ done: Int, _ detail: String) -> Void = { _, _ in }) throws -> TrainedModel {
        let watch = Stopwatch()
        switch self {
        case let .gbdt(p, choice):
            var parameters = p
            if validation == nil { parameters.earlyStoppingPatience = 0 }
            let metric = choice.metric
            var rounds: [Int] = [], trainValues: [Double] = [], validValues: [Double] = []
            var validByRound: [Int: Double] = [:], sampleRows = train.labels.count
            var detail = ""
            let model = try withoutActuallyEscaping(step) { step in
                try GBDTTrainer(parameters: parameters).train(train, validation: validation, metric: metric, curve: curve) { s in
                    if let v = s.validMetric { validByRound[s.round] = v }
                    if let t = s.trainMetric {
                        rounds.append(s.round)
                        trainValues.append(t)
                        if let v = s.validMetric { validValues.append(v) }
                        sampleRows = s.trainMetricRows
                    }
                    if let v = s.validMetric {
                        detail = "valid \(s.metricName) \(Format.metric(v))"
                    } else if let t = s.trainMetric {
                        detail = "train \(s.metricName) \(Format.metric(t))"
                    }
                    step(s.round, detail)
                }
            }
            let stopped = parameters.earlyStoppingPatience > 0
            let best = stopped ? validByRound[model.roundCount] : nil
            let summary = "gbdt: \(rounds.last ?? 0) rounds" + (best.map {
                ", best valid \(metric.name) \(Format.metric($0)) at round \(model.roundCount) (kept)"
            } ?? "") + ", \(Format.seconds(watch.seconds))"
            let curve = TrainingReport.LearningCurve(metric: metric.name, higherIsBetter: metric.higherIsBetter, rounds: rounds,
                                                     train: trainValues, validation: validValues,
                                                     bestRound: stopped ? model.roundCount : nil,
                                                     trainSampleRows: sampleRows < train.labels.count ? sampleRows : nil)
            return TrainedModel(classifier: .gbdt(model), details: ["rounds_kept": "\(model.roundCount)"],
                                learningCurves: [curve], roundsKept: model.roundCount, summary: summary)
        case .logistic(let trainer):
            step(0, "L-BFGS")
            let fit = try trainer.fit(train)
            let state = fit.stopReason == .maxIterations ? "not converged, raise max_iter" : "\(fit.stopReason)"
            step(1, "")
            return TrainedModel(classifier: .logistic(fit.model), details: ["iterations": "\(fit.iterations)"],
                                learningCurves: [], roundsKept: nil,
                                summary: "logistic regression: \(fit.iterations) L-BFGS iterations, \(state), "
                                    + Format.seconds(watch.seconds))
        }
    }
}

/// What training produced: the classifier and facts worth recording (iterations, rounds kept).
public struct TrainedModel: Sendable {
    /// The classifier for the model file.
    public let classifier: TrainedClassifier
    /// Facts about this training, added to the hyperparameters of the metadata.
    public let details: [String: String]
    /// Metrics round by round, for the report (empty when the family does not record them).
    public let learningCurves: [TrainingReport.LearningCurve]
    /// Boosting rounds kept (trees), nil for other families.
    public let roundsKept: Int?
    /// One line on how training went, e.g. `gbdt: 120 rounds, best valid auc 0.8123 at round 90 (kept), 1.20 s`.
    public let summary: String
}
