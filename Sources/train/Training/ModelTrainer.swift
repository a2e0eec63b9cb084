import AccidentML

/// A model family with its hyperparameters, resolved from the flags: what `fit` trains.
enum ModelTrainer: Sendable {
    /// Histogram gradient-boosted trees on the tree encoding; `metric` drives early stopping.
    case gbdt(GBDTParameters, metric: MetricChoice)
    /// L2-regularised logistic regression on the linear (one-hot, standardised) encoding.
    case logistic(LogisticRegression)

    /// The encoding the family trains on.
    var family: ModelFamily {
        switch self {
        case .gbdt: .trees
        case .logistic: .linear
        }
    }

    /// The kind name written in the model file.
    var kind: String {
        switch self {
        case .gbdt: "gbdt"
        case .logistic: "logistic"
        }
    }

    /// Hyperparameters as text, for the model metadata and the report.
    var hyperparameters: [String: String] {
        switch self {
        case let .gbdt(p, _):
            ["trees": "\(p.rounds)", "learning_rate": "\(p.learningRate)", "num_leaves": "\(p.numLeaves)",
             "max_depth": p.maxDepth > 0 ? "\(p.maxDepth)" : "none", "min_data_in_leaf": "\(p.minDataInLeaf)",
             "lambda": "\(p.lambda)", "bagging_fraction": "\(p.baggingFraction)", "feature_fraction": "\(p.featureFraction)",
             "early_stopping": p.earlyStoppingPatience > 0 ? "\(p.earlyStoppingPatience)" : "off"]
        case .logistic(let t):
            ["C": "\(t.c)", "max_iter": "\(t.maxIterations)", "tolerance": "\(t.tolerance)"]
        }
    }

    /// The trainer of the final model after cross-validation, on all rows with no rows left
    /// to stop on: trees get the folds' mean kept round count and no early stopping.
    func final(afterFolds models: [TrainedModel]) -> ModelTrainer {
        guard case .gbdt(var p, let metric) = self, p.earlyStoppingPatience > 0 else { return self }
        let kept = models.compactMap(\.roundsKept)
        if !kept.isEmpty { p.rounds = max(1, Int((Double(kept.reduce(0, +)) / Double(kept.count)).rounded())) }
        p.earlyStoppingPatience = 0
        return .gbdt(p, metric: metric)
    }

    /// Trains on `train`; `validation` (nil for a final model) drives early stopping and the
    /// learning curve where the family has them.
    func train(_ train: LabeledMatrix<Float>, validation: LabeledMatrix<Float>?, progress: ProgressBar) throws -> TrainedModel {
        let watch = Stopwatch()
        switch self {
        case let .gbdt(p, choice):
            var parameters = p
            if validation == nil { parameters.earlyStoppingPatience = 0 }
            let metric = choice.metric
            var rounds: [Int] = [], trainValues: [Double] = [], validValues: [Double] = []
            let model = try GBDTTrainer(parameters: parameters).train(train, validation: validation, metric: metric) { step in
                rounds.append(step.round)
                trainValues.append(step.trainMetric)
                if let v = step.validMetric { validValues.append(v) }
                let shown = step.validMetric.map { "valid \(step.metricName) \(Format.metric($0))" }
                    ?? "train \(step.metricName) \(Format.metric(step.trainMetric))"
                progress.update(step.round, detail: shown)
            }
            let stopped = parameters.earlyStoppingPatience > 0
            let best = stopped && !validValues.isEmpty ? validValues[model.roundCount - 1] : nil
            progress.finish("gbdt: \(rounds.count) rounds" + (best.map {
                ", best valid \(metric.name) \(Format.metric($0)) at round \(model.roundCount) (kept)"
            } ?? "") + ", \(Format.seconds(watch.seconds))")
            let curve = TrainingReport.LearningCurve(metric: metric.name, higherIsBetter: metric.higherIsBetter, rounds: rounds,
                                                     train: trainValues, validation: validValues,
                                                     bestRound: stopped ? model.roundCount : nil)
            return TrainedModel(classifier: .gbdt(model), details: ["rounds_kept": "\(model.roundCount)"],
                                learningCurves: [curve], roundsKept: model.roundCount)
        case .logistic(let trainer):
            progress.update(0, detail: "L-BFGS")
            let fit = try trainer.fit(train)
            let state = fit.stopReason == .maxIterations ? "not converged, raise --max-iter" : "\(fit.stopReason)"
            progress.update(1)
            progress.finish("logistic regression: \(fit.iterations) L-BFGS iterations, \(state), \(Format.seconds(watch.seconds))")
            return TrainedModel(classifier: .logistic(fit.model), details: ["iterations": "\(fit.iterations)"],
                                learningCurves: [], roundsKept: nil)
        }
    }

    /// Steps a progress bar for this trainer counts: boosting rounds, or one L-BFGS run.
    var progressSteps: Int {
        switch self {
        case let .gbdt(p, _): p.rounds
        case .logistic: 1
        }
    }
}

/// What training produced: the classifier and facts worth recording (iterations, rounds kept).
struct TrainedModel {
    /// The classifier for the model file.
    let classifier: TrainedClassifier
    /// Facts about this training, added to the hyperparameters of the metadata.
    let details: [String: String]
    /// Metrics round by round, for the report (empty when the family does not record them).
    let learningCurves: [TrainingReport.LearningCurve]
    /// Boosting rounds kept (trees), nil for other families.
    let roundsKept: Int?
}
