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

    @Test(arguments: [(2, 1.0), (2, 0.05), (3, 1.0), (4, 10.0)])
    func tightFitMatchesNewtonOracle(classCount: Int, c: Double) throws {
        let data = LinearTestData.make(rows: 300, columns: 4, classCount: classCount, seed: UInt64(classCount * 100) + UInt64(c * 10))
        let fit = try LogisticRegression(c: c, tolerance: 1e-10, maxIterations: 1000).fit(data)
        let expected = Self.oracle(data, c: c).solve()
        #expect(fit.stopReason.converged)
        #expect(Self.maxDifference(Self.parameters(fit.model), expected) < 1e-6)
    }

    @Test(arguments: [2, 3])
    func defaultToleranceReachesTheOptimumObjective(classCount: Int) throws {
        let data = LinearTestData.make(rows: 500, columns: 6, classCount: classCount, seed: 11)
        let fit = try LogisticRegression().fit(data)
        let oracle = Self.oracle(data, c: 1)
        let optimum = oracle.value(oracle.solve())
        #expect(fit.stopReason.converged)
        #expect(fit.gradientMaxNorm <= 1e-4)
        #expect(abs(fit.objective - oracle.value(Self.parameters(fit.model))) < 1e-12)
        #expect(fit.objective - optimum < 1e-6)
        #expect(fit.objective >= optimum - 1e-12)
    }

    @Test(arguments: [2, 3])
    func floatFeaturesGiveTheDoubleOptimum(classCount: Int) throws {
        let data = LinearTestData.make(rows: 400, columns: 5, classCount: classCount, seed: 5)
        let floats = LabeledMatrix(features: data.features.converted(to: Float.self), labels: data.labels,
                                   classLabels: data.classLabels)
        let trainer = LogisticRegression(tolerance: 1e-6, maxIterations: 500)
        let single = try trainer.fit(floats), double = try trainer.fit(data)
        #expect(Self.maxDifference(Self.parameters(single.model), Self.parameters(double.model)) < 1e-4)
    }

    @Test(arguments: [2, 3])
    func sampleWeightsActLikeRepeatedRows(classCount: Int) throws {
        let data = LinearTestData.make(rows: 120, columns: 3, classCount: classCount, seed: 21)
        let weights = (0..<120).map { Double($0 % 3) }  // 0, 1 or 2 copies
        let repeated = data.selecting(rows: (0..<120).flatMap { [Int](repeating: $0, count: $0 % 3) })
        let trainer = LogisticRegression(c: 0.5, tolerance: 1e-10, maxIterations: 1000)
        let weighted = try trainer.fit(data, sampleWeights: weights)
        let copied = try trainer.fit(repeated)
        #expect(Self.maxDifference(Self.parameters(weighted.model), Self.parameters(copied.model)) < 1e-6)
        let expected = Self.oracle(data, weights: weights, c: 0.5).solve()
        #expect(Self.maxDifference(Self.parameters(weighted.model), expected) < 1e-6)
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
        let expected = Self.oracle(data, weights: data.labels.map { $0 == 0 ? 2 : 1 }, c: 1).solve()
        #expect(Self.maxDifference(Self.parameters(custom.model), expected) < 1e-6)
    }

    @Test(arguments: [2, 3])
    func withoutInterceptTheInterceptsStayZero(classCount: Int) throws {
        let data = LinearTestData.make(rows: 200, columns: 3, classCount: classCount, seed: 3)
        let fit = try LogisticRegression(tolerance: 1e-10, maxIterations: 1000, fitIntercept: false).fit(data)
        #expect(fit.model.intercepts.allSatisfy { $0 == 0 })
        let expected = Self.oracle(data, c: 1, fitIntercept: false).solve()
        #expect(Self.maxDifference(Self.parameters(fit.model), expected) < 1e-6)
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
