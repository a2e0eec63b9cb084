import Testing
@testable import AccidentML

@Suite struct LogisticObjectiveTests {
    static func evaluate<S: BLASScalar>(_ objective: inout LogisticObjective<S>, _ theta: [Double]) -> (Double, [Double]) {
        var gradient = [Double](repeating: 0, count: theta.count)
        let value = theta.withUnsafeBufferPointer { t in gradient.withUnsafeMutableBufferPointer { objective.evaluate(t, gradient: $0) } }
        return (value, gradient)
    }

    static func randomTheta(_ count: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in LinearTestData.gaussian(&rng) * 0.5 }
    }

    /// Rows span two chunks of the per-row pass; weights are uneven.
    @Test(arguments: [2, 4])
    func gradientMatchesCentralDifferences(classCount: Int) {
        let n = LogisticObjective<Double>.chunkRows + 500
        let data = LinearTestData.make(rows: n, columns: 3, classCount: classCount, seed: 42)
        let weights = (0..<n).map { 0.5 + Double($0 % 5) }
        var objective = LogisticObjective(features: data.features, labels: data.labels, classCount: classCount,
                                          rowWeights: weights, c: 0.7, fitIntercept: true, threads: 2)
        let theta = Self.randomTheta(objective.dimension, seed: 7)
        let (_, gradient) = Self.evaluate(&objective, theta)
        let h = 1e-6
        for i in theta.indices {
            var plus = theta, minus = theta
            plus[i] += h
            minus[i] -= h
            let numeric = (Self.evaluate(&objective, plus).0 - Self.evaluate(&objective, minus).0) / (2 * h)
            #expect(abs(numeric - gradient[i]) < 1e-7, "component \(i): numeric \(numeric), analytic \(gradient[i])")
        }
    }

    @Test(arguments: [2, 3])
    func valueMatchesThePlainOracleForBothScalars(classCount: Int) {
        let data = LinearTestData.make(rows: 300, columns: 4, classCount: classCount, seed: 9)
        let weights = (0..<300).map { 1 + Double($0 % 2) }
        var double = LogisticObjective(features: data.features, labels: data.labels, classCount: classCount,
                                       rowWeights: weights, c: 2, fitIntercept: true, threads: 1)
        var single = LogisticObjective(features: data.features.converted(to: Float.self), labels: data.labels,
                                       classCount: classCount, rowWeights: weights, c: 2, fitIntercept: true, threads: 1)
        let oracle = NewtonLogisticOracle(x: data.features, labels: data.labels, classCount: classCount,
                                          weights: weights, c: 2, fitIntercept: true)
        var theta = Self.randomTheta(double.dimension, seed: 3)
        if classCount > 2 {  // the oracle's gradient adds the intercept gauge, zero when Σ b = 0
            let shift = theta[(classCount * 4)...].reduce(0, +) / Double(classCount)
            for k in 0..<classCount { theta[classCount * 4 + k] -= shift }
        }
        let (value, gradient) = Self.evaluate(&double, theta)
        let expected = oracle.derivatives(theta)
        #expect(abs(value - expected.value) < 1e-12)
        #expect(zip(gradient, expected.gradient).allSatisfy { abs($0 - $1) < 1e-12 })
        let (floatValue, floatGradient) = Self.evaluate(&single, theta)
        #expect(abs(floatValue - expected.value) < 1e-5)
        #expect(zip(floatGradient, expected.gradient).allSatisfy { abs($0 - $1) < 1e-5 })
    }
}
