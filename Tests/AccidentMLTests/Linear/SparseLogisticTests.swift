import Testing
@testable import AccidentML

/// The sparse path of the logistic objective (`SparseDesign`, `LogisticObjective+SparsePass`)
/// against the dense BLAS path and the Newton oracle, on one-hot data raw and standardised.
@Suite struct SparseLogisticTests {
    /// Five categorical features (23 columns, 5 on per row: 22% raw), one numeric column.
    static let levels = [2, 3, 4, 6, 8]

    static func data(rows: Int, classCount: Int, standardised: Bool, numeric: Int = 1, seed: UInt64 = 17) -> LabeledMatrix<Double> {
        LinearTestData.oneHot(rows: rows, levels: levels, numeric: numeric, classCount: classCount,
                              standardised: standardised, seed: seed)
    }

    /// |xᵢⱼ| + 2|bⱼ|: what bounds the sparse path's terms (`NewtonLogisticOracle.rounding`).
    static func magnitudes<S: BLASScalar>(_ x: FeatureMatrix<Double>, _ design: SparseDesign<S>) -> FeatureMatrix<Double> {
        var m = x
        for c in 0..<x.columnCount {
            for r in 0..<x.rowCount { m[row: r, column: c] = abs(x[row: r, column: c]) + 2 * abs(Double(design.baselines[c])) }
        }
        return m
    }

    static func objective<S: BLASScalar>(_ x: FeatureMatrix<S>, _ data: LabeledMatrix<Double>, weights: [Double],
                                         sparse: Bool, threads: Int = 1) -> LogisticObjective<S> {
        LogisticObjective(features: x, labels: data.labels, classCount: data.classCount, rowWeights: weights, c: 0.7,
                          fitIntercept: true, threads: threads, sparseDensityLimit: sparse ? 1 : 0)
    }

    @Test(arguments: [false, true])
    func designHoldsEveryEntryOffItsBaseline(standardised: Bool) throws {
        let data = Self.data(rows: 500, classCount: 2, standardised: standardised)
        let x = data.features.converted(to: Float.self)
        let design = try #require(SparseDesign(x, densityLimit: 1, threads: 2, blockRows: 64))
        var stored = 0
        for r in 0..<x.rowCount {
            let entries = design.rowStarts[r]..<design.rowStarts[r + 1]
            let columns = entries.map { Int(design.columnIndices[$0]) }
            #expect(columns == columns.sorted() && Set(columns).count == columns.count)
            for c in 0..<x.columnCount {
                let value = Double(x[row: r, column: c]), b = Double(design.baselines[c])
                if let e = entries.first(where: { Int(design.columnIndices[$0]) == c }) {
                    // One rounding of the difference (exact in Double for these Float values); none
                    // for raw one-hot, whose differences are 0, 1 or -1, or the numeric value.
                    let rounding = standardised ? Double(Float.ulpOfOne) / 2 * abs(value - b) : 0
                    #expect(abs(Double(design.deviations[e]) - (value - b)) <= rounding)
                    #expect(value != b)
                    stored += 1
                } else {
                    #expect(value == b)
                }
            }
        }
        #expect(stored == design.deviations.count)
        // The baseline is the majority value: raw, the first level's column (on in 2 rows of 3) is
        // on; the numeric column (no majority) keeps 0 and stores every entry.
        let numeric = x.columnCount - 1
        #expect(standardised || design.baselines[0] == 1)
        #expect(design.baselines[numeric] == 0)
        #expect((0..<x.rowCount).allSatisfy { r in
            (design.rowStarts[r]..<design.rowStarts[r + 1]).contains { Int(design.columnIndices[$0]) == numeric }
        })
    }

    /// Value and gradient of both paths against the oracle, each within its rounding bound derived
    /// from the scalar's unit roundoff (`NewtonLogisticOracle.rounding`; the sparse path with
    /// magnitudes |x| + 2|b|): so the two paths agree within the sum of their bounds. Rows span
    /// two chunks; weights are uneven; both scalars.
    @Test(arguments: [(2, false), (2, true), (3, false), (3, true)])
    func sparseObjectiveMatchesDenseAndOracle(classCount: Int, standardised: Bool) throws {
        let n = LogisticObjective<Double>.chunkRows + 300
        let data = Self.data(rows: n, classCount: classCount, standardised: standardised)
        let weights = (0..<n).map { 0.5 + Double($0 % 5) }
        let oracle = NewtonLogisticOracle(x: data.features, labels: data.labels, classCount: classCount,
                                          weights: weights, c: 0.7, fitIntercept: true)
        var theta = LogisticObjectiveTests.randomTheta(oracle.dimension, seed: 5)
        let interceptStart = oracle.rows * oracle.d
        if classCount > 2 {  // the oracle's gradient adds the intercept gauge, zero when Σ b = 0
            let shift = theta[interceptStart...].reduce(0, +) / Double(classCount)
            for k in 0..<classCount { theta[interceptStart + k] -= shift }
        }
        let expected = oracle.derivatives(theta, hessian: false)

        func check<S: BLASScalar>(_ x: FeatureMatrix<S>) throws {
            var sparse = Self.objective(x, data, weights: weights, sparse: true, threads: 2)
            var dense = Self.objective(x, data, weights: weights, sparse: false, threads: 2)
            #expect(sparse.usesSparseDesign && !dense.usesSparseDesign)
            let design = try #require(sparse.design)
            let sparseBound = oracle.rounding(of: S.self, at: theta, magnitudes: Self.magnitudes(data.features, design))
            let denseBound = oracle.rounding(of: S.self, at: theta)
            let (value, gradient) = LogisticObjectiveTests.evaluate(&sparse, theta)
            let (denseValue, denseGradient) = LogisticObjectiveTests.evaluate(&dense, theta)
            #expect(abs(value - expected.value) <= sparseBound.value)
            #expect(abs(denseValue - expected.value) <= denseBound.value)
            for i in theta.indices {
                #expect(abs(gradient[i] - expected.gradient[i]) <= sparseBound.gradient[i], "\(S.self) component \(i)")
                #expect(abs(denseGradient[i] - expected.gradient[i]) <= denseBound.gradient[i], "\(S.self) component \(i)")
            }
            // Not vacuous: the bounds (worst cases, growing with the rows) stay orders of magnitude
            // below the gradient's own size, and tell the two scalars apart.
            let size = expected.gradient.map(abs).max()!
            #expect(sparseBound.gradient.max()! < (S.self == Float.self ? 1e-2 : 1e-10) * size)
        }
        try check(data.features)
        try check(data.features.converted(to: Float.self))
    }

    /// Fits on both paths reach the optimum within the distance their stopping gradient and the
    /// curvature allow (`FitBound`), so they lie within the sum of those distances of each other.
    @Test(arguments: [(2, false), (3, true)])
    func sparseFitMatchesDenseFit(classCount: Int, standardised: Bool) throws {
        let data = Self.data(rows: 800, classCount: classCount, standardised: standardised)
        var trainer = LogisticRegression(c: 0.7, tolerance: 1e-10, maxIterations: 1000)
        trainer.sparseDensityLimit = 1
        let sparse = try trainer.fit(data)
        trainer.sparseDensityLimit = 0
        let dense = try trainer.fit(data)
        let oracle = LogisticRegressionTests.oracle(data, c: 0.7), bound = FitBound(oracle)
        let design = try #require(SparseDesign(data.features, densityLimit: 1, threads: 1))
        let sparseVerdict = bound.check(sparse, trainedOn: Double.self, magnitudes: Self.magnitudes(data.features, design))
        let denseVerdict = LogisticRegressionTests.expectWithinBound(dense, bound)
        #expect(sparse.stopReason.converged)
        #expect(sparseVerdict.holds, "\(sparseVerdict)")
        #expect(LogisticRegressionTests.maxDifference(LogisticRegressionTests.parameters(sparse.model),
                                                      LogisticRegressionTests.parameters(dense.model))
                <= sparseVerdict.distanceBound + denseVerdict.distanceBound)
    }

    /// The sparse path's sums are per chunk and added in chunk order: the same bits at any
    /// thread count (three chunks).
    @Test(arguments: [2, 4])
    func sparseFitIsTheSameAtOneAndTwoThreads(classCount: Int) throws {
        let data = Self.data(rows: 2 * LogisticObjective<Float>.chunkRows + 900, classCount: classCount, standardised: true,
                             numeric: 0)
        let x = LabeledMatrix(features: data.features.converted(to: Float.self), labels: data.labels,
                              classLabels: data.classLabels)
        let automatic = LogisticObjective(features: x.features, labels: x.labels, classCount: classCount,
                                          rowWeights: x.labels.map { _ in 1 }, c: 1, fitIntercept: true, threads: 1)
        #expect(automatic.usesSparseDesign)  // what the trainer's default limit picks
        let one = try LogisticRegression(threads: 1).fit(x), two = try LogisticRegression(threads: 2).fit(x)
        #expect(one.model == two.model && one.iterations == two.iterations && one.objective == two.objective)
    }

    /// The automatic choice: one-hot data (raw or standardised) takes the sparse path, Gaussian
    /// features (no entry at a baseline) and a limit of 0 the dense one.
    @Test func densityChoosesThePath() {
        let weights = [Double](repeating: 1, count: 600)
        for standardised in [false, true] {
            let oneHot = Self.data(rows: 600, classCount: 2, standardised: standardised, numeric: 0)
            let objective = LogisticObjective(features: oneHot.features, labels: oneHot.labels, classCount: 2,
                                              rowWeights: weights, c: 1, fitIntercept: true, threads: 1)
            #expect(objective.usesSparseDesign)
            #expect(objective.design!.density <= 5.0 / 23)
            #expect(!Self.objective(oneHot.features, oneHot, weights: weights, sparse: false).usesSparseDesign)
        }
        let gaussian = LinearTestData.make(rows: 600, columns: 5, classCount: 2, seed: 3)
        let dense = LogisticObjective(features: gaussian.features, labels: gaussian.labels, classCount: 2,
                                      rowWeights: weights, c: 1, fitIntercept: true, threads: 1)
        #expect(!dense.usesSparseDesign)
        #expect(SparseDesign(gaussian.features, densityLimit: SparseDesign<Double>.defaultDensityLimit, threads: 1) == nil)
    }
}
