/// Where a training run stands after a round, for progress bars and logs.
public struct GBDTProgress: Sendable {
    /// Rounds done so far (1-based).
    public let round: Int
    /// Rounds requested.
    public let rounds: Int
    /// Name of the metric below, e.g. `auc`.
    public let metricName: String
    /// Metric on the training rows (a seeded sample of them above the curve plan's limit), on
    /// learning-curve points only: nil on the other rounds.
    public let trainMetric: Double?
    /// Metric on every validation row, when a validation set was given: every round with early
    /// stopping, on learning-curve points only otherwise (nil on the other rounds).
    public let validMetric: Double?
    /// Training rows `trainMetric` is measured on.
    public let trainMetricRows: Int

    /// Whether this round is a learning-curve point (its train metric was measured).
    public var isCurvePoint: Bool { trainMetric != nil }
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
    /// on it has not improved for that many rounds and keeps the rounds up to the best one;
    /// that metric is measured on every validation row at every round, whatever `curve` says.
    /// `progress`, when given, is called after every round; on the rounds `curve` names (and
    /// the round training stops at) it carries the train (and validation) metric, which costs
    /// one metric evaluation of each.
    public func train(_ train: LabeledMatrix<Float>, validation: LabeledMatrix<Float>? = nil,
                      metric: any Metric = LogLoss(), curve: LearningCurvePlan = .automatic,
                      progress: ((GBDTProgress) -> Void)? = nil) throws(GBDTError) -> GBDTModel {
        let p = parameters
        try p.validate(classCount: train.classCount)
        try curve.validate()
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
        let stopping = validation != nil && p.earlyStoppingPatience > 0
        let sample = progress == nil ? nil : curve.trainRows(labels: train.labels, classCount: train.classCount,
                                                             seed: p.seed ^ Self.curveSampleSalt)
        let sampleLabels = sample.map { rows in rows.map { train.labels[$0] } } ?? train.labels
        var best: (round: Int, value: Double)?
        for round in 1...p.rounds {
            run.addRound()
            guard progress != nil || stopping else { continue }
            func validMetric() -> Double? {
                validation.map { metric.evaluate(probabilities: run.validProbabilities(), labels: $0.labels, classCount: $0.classCount) }
            }
            var validValue = stopping ? validMetric() : nil
            var stop = false
            if stopping, let value = validValue {
                if let b = best, !metric.improves(value, over: b.value) {
                    stop = round - b.round >= p.earlyStoppingPatience
                } else {
                    best = (round, value)
                }
            }
            if let progress {
                let point = stop || curve.isPoint(round: round, rounds: p.rounds)
                if point, !stopping { validValue = validMetric() }
                let trainValue = point ? metric.evaluate(probabilities: run.trainProbabilities(rows: sample), labels: sampleLabels,
                                                         classCount: train.classCount) : nil
                progress(GBDTProgress(round: round, rounds: p.rounds, metricName: metric.name, trainMetric: trainValue,
                                      validMetric: validValue, trainMetricRows: sampleLabels.count))
            }
            if stop { break }
        }
        let keptRounds = p.earlyStoppingPatience > 0 ? best?.round ?? p.rounds : p.rounds
        return GBDTModel(classCount: train.classCount, objective: run.objectiveName, featureNames: train.features.columnNames,
                         initScores: run.initScores, trees: Array(run.trees.prefix(keptRounds * run.scoreColumns)))
    }

    /// Mixed into the parameters' seed for the curve's training-row sample, so that it does not
    /// repeat the bagging draws.
    static let curveSampleSalt: UInt64 = 0xC0E5_A3B1_9D27_44F1
}
