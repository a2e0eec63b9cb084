import AccidentML

/// A model family with its hyperparameters, resolved from the flags: what `fit` trains.
enum ModelTrainer: Sendable {
    /// L2-regularised logistic regression on the linear (one-hot, standardised) encoding.
    case logistic(LogisticRegression)

    /// The encoding the family trains on.
    var family: ModelFamily {
        switch self {
        case .logistic: .linear
        }
    }

    /// The kind name written in the model file.
    var kind: String {
        switch self {
        case .logistic: "logistic"
        }
    }

    /// Hyperparameters as text, for the model metadata and the report.
    var hyperparameters: [String: String] {
        switch self {
        case .logistic(let t): ["C": "\(t.c)", "max_iter": "\(t.maxIterations)", "tolerance": "\(t.tolerance)"]
        }
    }

    /// Trains on `train`; `validation` (possibly empty) drives early stopping where the family has it.
    func train(_ train: LabeledMatrix<Float>, validation: LabeledMatrix<Float>?, progress: ProgressBar) throws -> TrainedModel {
        switch self {
        case .logistic(let trainer):
            progress.update(0, detail: "L-BFGS")
            let watch = Stopwatch()
            let fit = try trainer.fit(train)
            let state = fit.stopReason == .maxIterations ? "not converged, raise --max-iter" : "\(fit.stopReason)"
            progress.update(1)
            progress.finish("logistic regression: \(fit.iterations) L-BFGS iterations, \(state), \(Format.seconds(watch.seconds))")
            return TrainedModel(classifier: .logistic(fit.model), details: ["iterations": "\(fit.iterations)"], learningCurves: [])
        }
    }
}

/// What training produced: the classifier and facts worth recording (iterations, best round).
struct TrainedModel {
    /// The classifier for the model file.
    let classifier: TrainedClassifier
    /// Facts about this training, added to the hyperparameters of the metadata.
    let details: [String: String]
    /// Metrics round by round, for the report (empty when the family does not record them).
    let learningCurves: [TrainingReport.LearningCurve]
}
