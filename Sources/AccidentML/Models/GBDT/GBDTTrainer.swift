/// Where a training run stands after a round, for progress bars and logs.
public struct GBDTProgress: Sendable {
    /// Rounds done so far (1-based).
    public let round: Int
    /// Rounds requested.
    public let rounds: Int
    /// Name of the metric below, e.g. `auc`.
    public let metricName: String
    /// Metric on the training rows.
    public let trainMetric: Double
    /// Metric on the validation rows, when a validation set was given.
    public let validMetric: Double?
}

/// Trains gradient-boosted tree classifiers (LightGBM's GBDT): binary log-loss for two
/// classes, softmax with one tree per class and round above.
public struct GBDTTrainer: Sendable {
    /// The hyperparameters.
    public var parameters: GBDTParameters

    /// Creates a trainer.
    public init(parameters: GBDTParameters = GBDTParameters()) {
        self.parameters = parameters
    }

    /// Fits a model on `train`.
    ///
    /// With a `validation` set and `parameters.earlyStoppingPatience > 0`, stops once `metric`
    /// on it has not improved for that many rounds and keeps the rounds up to the best one.
    /// `progress`, when given, is called after every round with the train (and validation)
    /// metric, which costs one metric evaluation per round.
    public func train(_ train: LabeledMatrix<Float>, validation: LabeledMatrix<Float>? = nil,
                      metric: any Metric = LogLoss(),
                      progress: ((GBDTProgress) -> Void)? = nil) throws(GBDTError) -> GBDTModel {
        let p = parameters
        try p.validate(classCount: train.classCount)
        guard train.features.rowCount > 0, train.features.columnCount > 0 else { throw .emptyTrainingSet }
        guard train.classCount >= 2 else { throw .tooFewClasses(count: train.classCount) }
        if let v = validation {
            if v.features.columnCount != train.features.columnCount {
                throw .validationMismatch(field: "feature columns", training: train.features.columnCount,
                                          validation: v.features.columnCount)
            }
            if v.classCount != train.classCount {
                throw .validationMismatch(field: "classes", training: train.classCount, validation: v.classCount)
            }
        } else if p.earlyStoppingPatience > 0 {
            throw .invalidParameter(name: "earlyStoppingPatience", value: "\(p.earlyStoppingPatience)",
                                    expected: "0 when no validation set is given")
        }
        var run = BoostingRun(train: train, validation: validation, parameters: p)
        var best: (round: Int, value: Double)?
        for round in 1...p.rounds {
            run.addRound()
            guard progress != nil || (validation != nil && p.earlyStoppingPatience > 0) else { continue }
            let validValue = validation.map { metric.evaluate(probabilities: run.validProbabilities(),
                                                              labels: $0.labels, classCount: $0.classCount) }
            if let progress {
                progress(GBDTProgress(round: round, rounds: p.rounds, metricName: metric.name,
                                      trainMetric: metric.evaluate(probabilities: run.trainProbabilities(),
                                                                   labels: train.labels, classCount: train.classCount),
                                      validMetric: validValue))
            }
            guard let validValue, p.earlyStoppingPatience > 0 else { continue }
            if let b = best, !metric.improves(validValue, over: b.value) {
                if round - b.round >= p.earlyStoppingPatience { break }
            } else {
                best = (round, validValue)
            }
        }
        let keptRounds = p.earlyStoppingPatience > 0 ? best?.round ?? p.rounds : p.rounds
        return GBDTModel(classCount: train.classCount, objective: run.objectiveName, featureNames: train.features.columnNames,
                         initScores: run.initScores, trees: Array(run.trees.prefix(keptRounds * run.scoreColumns)))
    }
}
