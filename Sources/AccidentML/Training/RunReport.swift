/// Assembles the training report (`metrics.json`, `report.html`) from what a run scored.
public enum RunReport {
    /// The report of a model on its scored rows: `validation` is held out (or out-of-fold, or
    /// the evaluation rows; nil when nothing was validated); `features` are the training rows as
    /// people read them.
    public static func make(metadata: ModelMetadata, seed: UInt64, durations: [String: Double], features: FeatureMatrix<Float>,
                     train: TrainingReport.ScoredRows, validation: TrainingReport.ScoredRows?,
                     learningCurves: [TrainingReport.LearningCurve], classifier: TrainedClassifier) -> TrainingReport {
        let classCount = metadata.classLabels.count
        return TrainingReport(run: .init(metadata: metadata, seed: seed, durations: durations), trainingFeatures: features,
                              train: train, validation: validation, metrics: MetricSuite.metrics(classCount: classCount),
                              learningCurves: learningCurves,
                              importance: importance(classifier, columns: metadata.featureNames),
                              severeClasses: severeClasses(unit: metadata.unit, classCount: classCount))
    }

    /// The classes the map counts as severe: hospitalised and killed for the person unit, else the last class.
    public static func severeClasses(unit: PredictionUnit, classCount: Int) -> [Int] {
        unit == .person && classCount == 4 ? [2, 3] : [classCount - 1]
    }

    /// How much the model relies on each of its columns.
    public static func importance(_ classifier: TrainedClassifier, columns: [String]) -> TrainingReport.Importance {
        switch classifier {
        case .gbdt(let m):
            let gain = m.featureImportance(.gain), splits = m.featureImportance(.splitCount)
            return .init(measure: .gain, features: columns.enumerated().map { f, name in
                .init(name: name, value: gain[f], splits: Int(splits[f]))
            })
        case .logistic(let m):
            // Mean |coefficient| over the coefficient rows (one for two classes, one per class above).
            let rows = m.coefficientRowCount
            return .init(measure: .absoluteCoefficient, features: columns.enumerated().map { f, name in
                .init(name: name, value: (0..<rows).reduce(0) { $0 + abs(m.coefficients[$1 * m.featureCount + f]) } / Double(rows))
            })
        }
    }

    /// `train_<metric>` and `validation_<metric>`, plus `cv_<metric>_mean` and `_sd` with folds:
    /// what the model file's metadata records.
    public static func flatMetrics(_ report: TrainingReport, folds: FoldMetrics) -> [String: Double] {
        var out: [String: Double] = [:]
        for m in report.finalMetrics {
            out["train_\(m.name)"] = m.train
            if let v = m.validation { out["validation_\(m.name)"] = v }
            if let s = folds.statistics(m.name) { out["cv_\(m.name)_mean"] = s.mean; out["cv_\(m.name)_sd"] = s.sd }
        }
        return out
    }
}
