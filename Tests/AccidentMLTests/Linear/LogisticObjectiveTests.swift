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
        // Each scalar's path differs from the oracle by rounding alone, bounded per component from
        // its unit roundoff and the terms' magnitudes (derived in NewtonLogisticOracle+FloatRounding),
        // whatever the BLAS kernel's summation order.
        let doubleBound = oracle.rounding(of: Double.self, at: theta)
        #expect(abs(value - expected.value) <= doubleBound.value)
        #expect(gradient.indices.allSatisfy { abs(gradient[$0] - expected.gradient[$0]) <= doubleBound.gradient[$0] })
        let (floatValue, floatGradient) = Self.evaluate(&single, theta)
        let floatBound = oracle.rounding(of: Float.self, at: theta)
        #expect(abs(floatValue - expected.value) <= floatBound.value)
        #expect(floatGradient.indices.allSatisfy { abs(floatGradient[$0] - expected.gradient[$0]) <= floatBound.gradient[$0] })
        // The bounds are not vacuous: they tell the two scalars apart by orders of magnitude.
        #expect(floatBound.gradient.max()! < 1e-4 && doubleBound.gradient.max()! < 1e-11)
    }
}
