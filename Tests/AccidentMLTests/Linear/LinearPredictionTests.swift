import RealModule
import Testing
@testable import AccidentML

@Suite struct LinearPredictionTests {
    static func model(classCount: Int, features: Int, seed: UInt64) throws -> LogisticModel {
        var rng = SplitMix64(seed: seed)
        let rows = ClassScores.columns(classCount: classCount)
        return try LogisticModel(classCount: classCount, featureCount: features,
                                 coefficients: (0..<(rows * features)).map { _ in LinearTestData.gaussian(&rng) },
                                 intercepts: (0..<rows).map { _ in LinearTestData.gaussian(&rng) })
    }

    static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    static func singleRows(_ model: LogisticModel, _ x: FeatureMatrix<Float>) -> [Float] {
        var out = [Float](repeating: 0, count: x.rowCount * model.classCount)
        for r in 0..<x.rowCount {
            let row = x.row(r)
            row.withUnsafeBufferPointer { rb in
                out.withUnsafeMutableBufferPointer { all in
                    model.predictProbabilities(row: rb, into: UnsafeMutableBufferPointer(
                        rebasing: all[(r * model.classCount)..<((r + 1) * model.classCount)]))
                }
            }
        }
        return out
    }

    @Test func simdExpMatchesScalarExp() {
        var worst: Float = 0
        for i in 0..<4000 {
            let base = Float(i) / 4000 * 170 - 85  // the whole clamped range
            let v = SIMD8<Float>((0..<8).map { base + Float($0) * 0.01 })
            let e = LinearActivation.exp(v)
            for l in 0..<8 { worst = max(worst, abs(e[l] - Float.exp(v[l])) / Float.exp(v[l])) }
        }
        #expect(worst < 1e-6)
        let extremes = LinearActivation.exp(SIMD8<Float>(-1000, -88, -87, 0, 1, 88, 89, .infinity))
        #expect(extremes[0] > 0 && extremes[0] < 1e-37)
        #expect(extremes[3] == 1)
        #expect(extremes[6].isFinite && extremes[7].isFinite)
    }

    /// Hand-computed: σ(0) = 0.5, σ(ln 3) = 0.75; softmax(0, ln 2, ln 5) = (1, 2, 5) / 8.
    @Test func scalarActivationsByHand() {
        #expect(LinearActivation.sigmoid(0) == (0.5, 0.5))
        let s = LinearActivation.sigmoid(Float.log(3))
        #expect(abs(s.positive - 0.75) < 1e-7 && abs(s.negative - 0.25) < 1e-7)
        var values: [Float] = [0, Float.log(2), Float.log(5)]
        values.withUnsafeMutableBufferPointer { LinearActivation.softmax($0) }
        #expect(zip(values, [0.125, 0.25, 0.625] as [Float]).allSatisfy { abs($0 - $1) < 1e-7 })
        let far = LinearActivation.sigmoid(-30)  // 1 - σ(-30) would round to exactly 1 - 0
        #expect(abs(far.positive - Float.exp(-30)) / Float.exp(-30) < 1e-6)
    }

    /// 1003 rows: chunks end on a partial block of 8. Both paths agree within the sum of their
    /// rounding bounds (the batch's BLAS logits and SIMD exp, the single row's dot and libm exp,
    /// ≤ 1 ulp), whatever the BLAS kernel; a row's probabilities sum to 1 within the (2k + 2) u
    /// of the normalisation and the sum (the exp's error cancels in eₖ / Σ e).
    @Test(arguments: [2, 3, 5])
    func batchMatchesSingleRow(classCount: Int) throws {
        let model = try Self.model(classCount: classCount, features: 13, seed: UInt64(classCount))
        let x = LinearTestData.make(rows: 1003, columns: 13, classCount: 2, seed: 4).features.converted(to: Float.self)
        let batch = model.predictProbabilities(x, threads: 1)
        let single = Self.singleRows(model, x)
        #expect(batch.count == 1003 * classCount)
        for r in 0..<1003 {
            let row = (0..<13).map { Double(x[row: r, column: $0]) }
            let bound = LinearRoundingBound.probability(model, row: row, expError: LinearRoundingBound.simdExpError)
                + LinearRoundingBound.probability(model, row: row, expError: LinearRoundingBound.libmExpError)
            for k in 0..<classCount {
                #expect(Double(abs(batch[r * classCount + k] - single[r * classCount + k])) <= bound, "row \(r) class \(k)")
            }
            let sum = (0..<classCount).reduce(Float(0)) { $0 + batch[r * classCount + $1] }
            #expect(Double(abs(sum - 1)) <= Double(2 * classCount + 2) * LinearRoundingBound.unit)
        }
        // Each block's product runs on one single-threaded OpenBLAS call whatever the worker count.
        #expect(model.predictProbabilities(x, threads: 2) == batch)
    }

    /// Probabilities from the Double parameters in plain Double arithmetic.
    @Test(arguments: [2, 4])
    func batchMatchesPlainDoubleFormula(classCount: Int) throws {
        let model = try Self.model(classCount: classCount, features: 4, seed: 17)
        let x = LinearTestData.make(rows: 50, columns: 4, classCount: 2, seed: 6).features
        let batch = model.predictProbabilities(x.converted(to: Float.self), threads: 1)
        for r in 0..<50 {
            let logits = (0..<model.coefficientRowCount).map { k in
                (0..<4).reduce(model.intercepts[k]) { $0 + model.coefficients[k * 4 + $1] * x[row: r, column: $1] }
            }
            let expected: [Double]
            if classCount == 2 {
                let p = 1 / (1 + Double.exp(-logits[0]))
                expected = [1 - p, p]
            } else {
                let e = logits.map { Double.exp($0) }, sum = e.reduce(0, +)
                expected = e.map { $0 / sum }
            }
            let row = (0..<4).map { x[row: r, column: $0] }
            let bound = LinearRoundingBound.probability(model, row: row, expError: LinearRoundingBound.simdExpError)
            for k in 0..<classCount { #expect(abs(Double(batch[r * classCount + k]) - expected[k]) <= bound) }
        }
    }

    @Test(arguments: [2, 3])
    func largeBatchGoesByBlocksOnAnyThreadCountWithTheSameResult(classCount: Int) throws {
        let model = try Self.model(classCount: classCount, features: 3, seed: 2)
        let n = LogisticModel.blockRows * 2 + 5
        let x = LinearTestData.make(rows: n, columns: 3, classCount: 2, seed: 12).features.converted(to: Float.self)
        let one = model.predictProbabilities(x, threads: 1), two = model.predictProbabilities(x, threads: 2)
        #expect(one == two, "each row's sum is the same whatever the worker")
        let rows = [0, LogisticModel.blockRows - 1, LogisticModel.blockRows, n - 1]
        let single = Self.singleRows(model, x.selecting(rows: rows))
        for (i, r) in rows.enumerated() {
            let features = (0..<3).map { Double(x[row: r, column: $0]) }
            let bound = LinearRoundingBound.probability(model, row: features, expError: LinearRoundingBound.simdExpError)
                + LinearRoundingBound.probability(model, row: features, expError: LinearRoundingBound.libmExpError)
            for c in 0..<classCount { #expect(Double(abs(one[r * classCount + c] - single[i * classCount + c])) <= bound) }
        }
    }

    @Test func emptyBatch() throws {
        let model = try Self.model(classCount: 2, features: 2, seed: 1)
        #expect(model.predictProbabilities(FeatureMatrix<Float>(rowCount: 0, columnNames: ["a", "b"]), threads: 1).isEmpty)
    }
}
