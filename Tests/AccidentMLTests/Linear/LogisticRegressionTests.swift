import Testing
@testable import AccidentML

@Suite struct LogisticRegressionTests {
    static func oracle(_ data: LabeledMatrix<Double>, weights: [Double]? = nil, c: Double,
                       fitIntercept: Bool = true) -> NewtonLogisticOracle {
        NewtonLogisticOracle(x: data.features, labels: data.labels, classCount: data.classCount,
                             weights: weights ?? [Double](repeating: 1, count: data.labels.count), c: c, fitIntercept: fitIntercept)
    }

    static func parameters(_ model: LogisticModel) -> [Double] { model.coefficients + model.intercepts }

    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    /// The fit is where its stopping gradient and the curvature say it must be (`FitBound`): not a
    /// fixed distance, which depends on the conditioning and the BLAS kernel (issue 17).
    @discardableResult
    static func expectWithinBound(_ fit: LogisticFit, _ bound: FitBound,
                                  sourceLocation: SourceLocation = #_sourceLocation) -> FitBound.Verdict {
        let verdict = bound.check(fit, trainedOn: Double.self)
        #expect(verdict.gradientExcess <= 0, "\(verdict)", sourceLocation: sourceLocation)
        #expect(verdict.distance <= verdict.distanceBound, "\(verdict)", sourceLocation: sourceLocation)
        return verdict
    }

    @Test(arguments: [(2, 1.0), (2, 0.05), (3, 1.0), (4, 10.0)])
    func tightFitMatchesNewtonOracle(classCount: Int, c: Double) throws {
        let data = LinearTestData.make(rows: 300, columns: 4, classCount: classCount, seed: UInt64(classCount * 100) + UInt64(c * 10))
        let fit = try LogisticRegression(c: c, tolerance: 1e-10, maxIterations: 1000).fit(data)
        #expect(fit.stopReason.converged)
        Self.expectWithinBound(fit, FitBound(Self.oracle(data, c: c)))
    }

    @Test(arguments: [2, 3])
    func defaultToleranceReachesTheOptimumObjective(classCount: Int) throws {
        let data = LinearTestData.make(rows: 500, columns: 6, classCount: classCount, seed: 11)
        let fit = try LogisticRegression().fit(data)
        let oracle = Self.oracle(data, c: 1), bound = FitBound(oracle)
        let optimum = oracle.value(bound.optimum), theta = Self.parameters(fit.model)
        #expect(fit.stopReason.converged)
        #expect(fit.gradientMaxNorm <= 1e-4)
        // The reported objective is the oracle's up to the Double path's rounding; the gap to the
        // optimum is at most ‖∇f‖² / (2μ) (strong convexity, μ as in FitBound).
        let rounding = oracle.rounding(of: Double.self, at: theta).value
        #expect(abs(fit.objective - oracle.value(theta)) <= rounding)
        #expect(fit.objective - optimum <= bound.objectiveGap(at: theta) + rounding)
        #expect(fit.objective >= optimum - rounding)
    }

    /// Float features: the fit's Double gradient is within its stopping gradient plus a rounding
    /// allowance derived from Float's unit roundoff, and its parameters within the distance that
    /// gradient allows given the curvature at the optimum (bounds derived in `FitBound`).
    /// Not a fixed tolerance: how far two L-BFGS stops lie apart depends on the conditioning and
    /// on the BLAS kernel's summation order (issue 17). A broken float path must fail the check.
    @Test(arguments: [2, 3])
    func floatFeaturesGiveTheDoubleOptimum(classCount: Int) throws {
        let data = LinearTestData.make(rows: 400, columns: 5, classCount: classCount, seed: 5)
        func floats(_ transform: (Int, Double) -> Float) -> LabeledMatrix<Float> {
            var x = data.features.converted(to: Float.self)
            for c in 0..<x.columnCount { for r in 0..<x.rowCount { x[row: r, column: c] = transform(c, data.features[row: r, column: c]) } }
            return LabeledMatrix(features: x, labels: data.labels, classLabels: data.classLabels)
        }
        let bound = FitBound(Self.oracle(data, c: 1))
        let trainer = LogisticRegression(tolerance: 1e-6, maxIterations: 500)
        let single = try trainer.fit(floats { Float($1) })
        let verdict = bound.check(single, trainedOn: Float.self)
        // In Float the gradient's rounding floor (the allowance, ~1e-5 here) lies above 1e-6, so
        // L-BFGS may end on a line search that finds no decrease; the bounds use the gradient it
        // reached, whatever the stop, as long as it did not run out of iterations.
        #expect(single.stopReason != .maxIterations)
        #expect(verdict.gradientExcess <= 0, "Double gradient beyond the rounding allowance: \(verdict)")
        #expect(verdict.distance <= verdict.distanceBound, "\(verdict)")

        let dropped = try bound.check(trainer.fit(floats { $0 == 2 ? 0 : Float($1) }), trainedOn: Float.self)
        let scaled = try bound.check(trainer.fit(floats { Float($1 * 1.01) }), trainedOn: Float.self)
        // Broken paths converge to another problem's optimum: bound 1 rejects them.
        #expect(!dropped.holds && dropped.gradientExcess > 0, "\(dropped)")
        #expect(!scaled.holds && scaled.gradientExcess > 0, "\(scaled)")
    }

    @Test(arguments: [2, 3])
    func sampleWeightsActLikeRepeatedRows(classCount: Int) throws {
        let data = LinearTestData.make(rows: 120, columns: 3, classCount: classCount, seed: 21)
        let weights = (0..<120).map { Double($0 % 3) }  // 0, 1 or 2 copies
        let repeated = data.selecting(rows: (0..<120).flatMap { [Int](repeating: $0, count: $0 % 3) })
        let trainer = LogisticRegression(c: 0.5, tolerance: 1e-10, maxIterations: 1000)
        let weighted = try trainer.fit(data, sampleWeights: weights)
        let copied = try trainer.fit(repeated)
        // Both are within their bound of the same optimum (the objectives are equal), so of each other.
        let first = Self.expectWithinBound(weighted, FitBound(Self.oracle(data, weights: weights, c: 0.5)))
        let second = Self.expectWithinBound(copied, FitBound(Self.oracle(repeated, c: 0.5)))
        #expect(Self.maxDifference(Self.parameters(weighted.model), Self.parameters(copied.model))
                <= first.distanceBound + second.distanceBound)
    }

    @Test func balancedClassWeightsAreSampleWeights() throws {
        let data = LinearTestData.make(rows: 200, columns: 3, classCount: 3, seed: 8)
        let counts = (0..<3).map { k in Double(data.labels.filter { $0 == k }.count) }
        let weights = data.labels.map { 200 / (3 * counts[Int($0)]) }
        let balanced = try LogisticRegression(tolerance: 1e-10, maxIterations: 1000, classWeights: .balanced).fit(data)
        let explicit = try LogisticRegression(tolerance: 1e-10, maxIterations: 1000).fit(data, sampleWeights: weights)
        #expect(Self.maxDifference(Self.parameters(balanced.model), Self.parameters(explicit.model)) < 1e-8)
        let custom = try LogisticRegression(tolerance: 1e-10, maxIterations: 1000,
                                            classWeights: .custom([2, 1, 1])).fit(data)
        Self.expectWithinBound(custom, FitBound(Self.oracle(data, weights: data.labels.map { $0 == 0 ? 2 : 1 }, c: 1)))
    }

    @Test(arguments: [2, 3])
    func withoutInterceptTheInterceptsStayZero(classCount: Int) throws {
        let data = LinearTestData.make(rows: 200, columns: 3, classCount: classCount, seed: 3)
        let fit = try LogisticRegression(tolerance: 1e-10, maxIterations: 1000, fitIntercept: false).fit(data)
        #expect(fit.model.intercepts.allSatisfy { $0 == 0 })
        Self.expectWithinBound(fit, FitBound(Self.oracle(data, c: 1, fitIntercept: false)))
    }

    @Test func trainingIsDeterministicAndThreadCountOnlyMovesRounding() throws {
        let data = LinearTestData.make(rows: 9000, columns: 5, classCount: 3, seed: 99)  // 3 row chunks
        let first = try LogisticRegression().fit(data), second = try LogisticRegression().fit(data)
        #expect(first.model == second.model)
        let threaded = try LogisticRegression(threads: 2).fit(data)
        #expect(Self.maxDifference(Self.parameters(first.model), Self.parameters(threaded.model)) < 1e-6)
    }

    @Test func iterationBudgetIsReported() throws {
        let data = LinearTestData.make(rows: 300, columns: 4, classCount: 3, seed: 1)
        let fit = try LogisticRegression(tolerance: 0, maxIterations: 3).fit(data)
        #expect(fit.iterations == 3)
        #expect(fit.stopReason == .maxIterations)
        #expect(!fit.stopReason.converged)
    }

    @Test func invalidInputsThrowDescriptiveErrors() throws {
        var data = LinearTestData.make(rows: 20, columns: 2, classCount: 2, seed: 2)
        #expect(throws: LogisticRegressionError.invalidParameter(name: "C", value: "0.0", expected: "a finite number > 0")) {
            try LogisticRegression(c: 0).fit(data)
        }
        #expect(throws: LogisticRegressionError.sampleWeightCount(expected: 20, got: 3)) {
            try LogisticRegression().fit(data, sampleWeights: [1, 2, 3])
        }
        let threeLabels = LabeledMatrix(features: data.features, labels: data.labels, classLabels: ["a", "b", "never"])
        #expect(throws: LogisticRegressionError.emptyClass(index: 2, label: "never")) {
            try LogisticRegression().fit(threeLabels)
        }
        data.features[row: 7, column: 1] = .nan
        let error = #expect(throws: LogisticRegressionError.self) { try LogisticRegression().fit(data) }
        #expect(error == .nonFiniteFeature(row: 7, column: 1, name: "x1"))
        #expect(error?.description.contains("impute") == true)
    }

    @Test func modelInitValidatesShapes() throws {
        #expect(throws: LogisticRegressionError.self) {
            try LogisticModel(classCount: 3, featureCount: 2, coefficients: [1, 2], intercepts: [0])
        }
        #expect(throws: LogisticRegressionError.self) {
            try LogisticModel(classCount: 2, featureCount: 1, coefficients: [.nan], intercepts: [0])
        }
        let model = try LogisticModel(classCount: 2, featureCount: 1, coefficients: [1], intercepts: [0])
        #expect(model.coefficientRowCount == 1)
    }
}
