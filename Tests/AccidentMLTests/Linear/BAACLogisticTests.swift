import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// The real baac2021 training split (../shared/data/baac2021 beside the package), standardised.
enum BAACTrainingSet {
    /// Features standardised as scikit-learn's StandardScaler (population deviation, constant
    /// columns left at 0), labels 0/1.
    static func load() throws -> LabeledMatrix<Double> {
        let data: LabeledMatrix<Double> = try NumericCSV.loadLabeled(
            features: try SharedData.url("baac2021/X_train.csv"), labels: try SharedData.url("baac2021/y_train.csv"))
        var x = data.features
        for c in 0..<x.columnCount {
            let n = Double(x.rowCount)
            let mean = (0..<x.rowCount).reduce(0) { $0 + x[row: $1, column: c] } / n
            let variance = (0..<x.rowCount).reduce(0) { $0 + (x[row: $1, column: c] - mean) * (x[row: $1, column: c] - mean) } / n
            let scale = variance > 0 ? variance.squareRoot() : 1
            for r in 0..<x.rowCount { x[row: r, column: c] = (x[row: r, column: c] - mean) / scale }
        }
        return LabeledMatrix(features: x, labels: data.labels, classLabels: data.classLabels)
    }
}

@Suite struct BAACLogisticTests {
    /// scikit-learn 1.9.1, `LogisticRegression(C=1, solver="lbfgs")` on the same standardised
    /// X_train/y_train: training log-loss 0.56797670 (24 iterations). An external reference.
    static let scikitLearnLogLoss = 0.567_976_70

    @Test(.requiresSharedData)
    func matchesScikitLearnAndTheNewtonOracle() throws {
        let data = try BAACTrainingSet.load()
        #expect(data.features.rowCount == 38_288 && data.features.columnCount == 28)
        let fit = try LogisticRegression().fit(data)
        #expect(fit.stopReason.converged)
        let probabilities = fit.model.predictProbabilities(data.features.converted(to: Float.self), threads: 1)
        let logLoss = LogLoss().evaluate(probabilities: probabilities, labels: data.labels, classCount: 2)
        #expect(abs(logLoss - Self.scikitLearnLogLoss) < 1e-4)

        // The plain Newton optimum on a stratified 3,000-row subset (the oracle is quadratic in features).
        let subset = data.split(testFraction: 3000.0 / 38_288, seed: 1).test
        let sub = try LogisticRegression().fit(subset)
        let oracle = NewtonLogisticOracle(x: subset.features, labels: subset.labels, classCount: 2,
                                          weights: [Double](repeating: 1, count: subset.labels.count), c: 1, fitIntercept: true)
        let optimum = oracle.solve()
        let oracleModel = try LogisticModel(classCount: 2, featureCount: 28, coefficients: Array(optimum[..<28]),
                                            intercepts: [optimum[28]])
        let x = subset.features.converted(to: Float.self)
        let ours = LogLoss().evaluate(probabilities: sub.model.predictProbabilities(x, threads: 1), labels: subset.labels, classCount: 2)
        let best = LogLoss().evaluate(probabilities: oracleModel.predictProbabilities(x, threads: 1), labels: subset.labels, classCount: 2)
        #expect(abs(ours - best) < 1e-4)
        #expect(abs(sub.objective - oracle.value(optimum)) < 1e-6)
    }
}
