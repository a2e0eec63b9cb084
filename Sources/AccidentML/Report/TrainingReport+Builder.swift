extension TrainingReport {
    /// A set of rows scored by the final model: the arrays the trainer already has.
    public struct ScoredRows: Sendable {
        /// Row-major class probabilities, `classCount` per row.
        public var probabilities: [Float]
        /// True class index of each row.
        public var labels: [Int32]
        /// Schema département code of each row (`Accident.departement`, < 0 when unknown), or
        /// empty when not known (no risk map then).
        public var departements: [Int16]

        /// Creates scored rows.
        public init(probabilities: [Float], labels: [Int32], departements: [Int16] = []) {
            precondition(departements.isEmpty || departements.count == labels.count, "one département per row, or none")
            self.probabilities = probabilities; self.labels = labels; self.departements = departements
        }
    }

    /// Builds the whole report from the trainer's arrays: the data summary from the training
    /// features, final metrics from both scored sets, and ROC, calibration, confusion and the
    /// département table from the validation rows (held out, so they show what to expect).
    /// Without validation rows (nil) the validation values are absent and those charts empty.
    ///
    /// `severeClasses` are the class indices counted as severe on the map, e.g. `[1]` for a
    /// binary accident model, `[2, 3]` (hospitalised, killed) for the person `grav` model.
    public init(run: RunInfo, trainingFeatures: FeatureMatrix<Float>, train: ScoredRows, validation: ScoredRows?,
                metrics: [any Metric], learningCurves: [LearningCurve], importance: Importance,
                severeClasses: [Int], calibrationBinCount: Int = 10) {
        let classCount = run.classLabels.count
        precondition(classCount >= 2, "a report needs at least two classes")
        precondition(train.probabilities.count == train.labels.count * classCount
                     && (validation.map { $0.probabilities.count == $0.labels.count * classCount } ?? true),
                     "probabilities must hold \(classCount) values per row")
        let v = validation ?? ScoredRows(probabilities: [], labels: [])
        let validated = validation != nil
        self.init(run: run,
                  data: DataSummary(features: trainingFeatures, labels: train.labels, classCount: classCount),
                  learningCurves: learningCurves,
                  finalMetrics: metrics.map { m in
                      FinalMetric(name: m.name, higherIsBetter: m.higherIsBetter,
                                  train: m.evaluate(probabilities: train.probabilities, labels: train.labels, classCount: classCount),
                                  validation: validated ? m.evaluate(probabilities: v.probabilities, labels: v.labels,
                                                                     classCount: classCount) : nil)
                  },
                  roc: !validated ? [] : Self.reportedClasses(classCount).map { k in
                      ROCSeries(ROCCurve(scores: Self.scores(v.probabilities, of: k, classCount: classCount),
                                         positives: v.labels.map { Int($0) == k }),
                                classLabel: run.classLabels[k])
                  },
                  calibration: !validated ? [] : Self.reportedClasses(classCount).map { k in
                      CalibrationSeries(CalibrationBins(probabilities: v.probabilities, labels: v.labels, classCount: classCount,
                                                        positiveClass: k, binCount: calibrationBinCount),
                                        classLabel: run.classLabels[k])
                  },
                  confusion: ConfusionTable(ConfusionMatrix(probabilities: v.probabilities, labels: v.labels, classCount: classCount),
                                            labels: run.classLabels),
                  importance: importance,
                  severityByDepartement: SeverityByDepartement(validation: v, classCount: classCount, severeClasses: severeClasses))
    }

    /// Whether the report holds validation metrics (false when the model trained on every row
    /// and nothing was held out).
    public var isValidated: Bool { finalMetrics.contains { $0.validation != nil } }

    /// The classes with their own curve: the positive class of a binary model, every class otherwise.
    static func reportedClasses(_ classCount: Int) -> [Int] { classCount == 2 ? [1] : Array(0..<classCount) }

    /// Class `k`'s column of row-major probabilities.
    static func scores(_ probabilities: [Float], of k: Int, classCount: Int) -> [Float] {
        stride(from: k, to: probabilities.count, by: classCount).map { probabilities[$0] }
    }
}
