import Testing
@testable import AccidentML

/// The thinned learning curve: its points are the plain every-round curve's values at those
/// rounds, and early stopping picks the same round whatever the curve plan.
@Suite struct LearningCurvePlanTests {
    /// Round, train value and validation value of every curve point a run reported.
    struct Points: Equatable {
        var rounds: [Int] = [], train: [Double] = [], validation: [Double] = [], trainRows: Set<Int> = []
    }

    static func run(_ p: GBDTParameters, _ train: LabeledMatrix<Float>, _ valid: LabeledMatrix<Float>, metric: any Metric,
                    curve: LearningCurvePlan) throws -> (GBDTModel, Points) {
        var points = Points()
        let model = try GBDTTrainer(parameters: p).train(train, validation: valid, metric: metric, curve: curve) { s in
            guard let t = s.trainMetric else { return }
            points.rounds.append(s.round)
            points.train.append(t)
            points.validation.append(s.validMetric!)
            points.trainRows.insert(s.trainMetricRows)
        }
        return (model, points)
    }

    /// The every-round points at `rounds`.
    static func at(_ rounds: [Int], of all: Points) -> Points {
        Points(rounds: rounds, train: rounds.map { all.train[$0 - 1] }, validation: rounds.map { all.validation[$0 - 1] },
               trainRows: all.trainRows)
    }

    @Test func automaticIntervalGivesAboutTwentyFivePointsAndTheLastRound() {
        #expect(LearningCurvePlan.automatic.interval(rounds: 300) == 12)
        #expect(LearningCurvePlan.automatic.interval(rounds: 20) == 1)
        #expect(LearningCurvePlan.automatic.interval(rounds: 301) == 13)
        let plan = LearningCurvePlan(every: 7)
        #expect((1...20).filter { plan.isPoint(round: $0, rounds: 20) } == [7, 14, 20])
    }

    @Test func thinnedCurveEqualsTheEveryRoundCurveAtItsPoints() throws {
        let (train, valid) = GBDTTestData.mixed(rows: 1200, seed: 31).split(testFraction: 0.3, seed: 32)
        let p = GBDTTrainerTests.params(rounds: 40)
        for metric in [ROCAUC(), LogLoss()] as [any Metric] {
            // Same arithmetic on the same scores at the same rounds: equal values (1e-12 leaves room for nothing else).
            let (plainModel, plain) = try Self.run(p, train, valid, metric: metric, curve: .everyRound)
            let (model, thinned) = try Self.run(p, train, valid, metric: metric, curve: LearningCurvePlan(every: 6))
            #expect(model == plainModel, "the curve does not change the model")
            #expect(plain.rounds == Array(1...40))
            #expect(thinned.rounds == [6, 12, 18, 24, 30, 36, 40])
            let expected = Self.at(thinned.rounds, of: plain)
            #expect(zip(thinned.train, expected.train).allSatisfy { abs($0 - $1) <= 1e-12 })
            #expect(zip(thinned.validation, expected.validation).allSatisfy { abs($0 - $1) <= 1e-12 })
        }
    }

    @Test func sampledTrainSideEqualsTheEveryRoundCurveOnTheSameSample() throws {
        let (train, valid) = GBDTTestData.mixed(rows: 1500, seed: 33).split(testFraction: 0.2, seed: 34)
        let p = GBDTTrainerTests.params(rounds: 30)
        let plainPlan = LearningCurvePlan(every: 1, trainSampleLimit: 400)
        let (_, plain) = try Self.run(p, train, valid, metric: ROCAUC(), curve: plainPlan)
        let (_, thinned) = try Self.run(p, train, valid, metric: ROCAUC(), curve: LearningCurvePlan(every: 4, trainSampleLimit: 400))
        // Stratified sampling rounds each class's share: within one row per class of the limit.
        let rows = try #require(thinned.trainRows.first)
        #expect(thinned.trainRows.count == 1 && abs(rows - 400) <= 2 && rows < train.labels.count)
        #expect(thinned.rounds == [4, 8, 12, 16, 20, 24, 28, 30])
        #expect(thinned == Self.at(thinned.rounds, of: plain))
        // Every training row without a limit, or under it.
        let (_, full) = try Self.run(p, train, valid, metric: ROCAUC(), curve: .everyRound)
        #expect(full.trainRows == [train.labels.count])
    }

    @Test func earlyStoppingKeepsTheSameBestRoundWhateverTheCurve() throws {
        let (train, valid) = GBDTTestData.mixed(rows: 1500, seed: 10).split(testFraction: 0.3, seed: 11)
        var p = GBDTTrainerTests.params(rounds: 500, leaves: 31)
        p.learningRate = 0.3
        p.earlyStoppingPatience = 10
        let silent = try GBDTTrainer(parameters: p).train(train, validation: valid, metric: LogLoss())
        let (plainModel, plain) = try Self.run(p, train, valid, metric: LogLoss(), curve: .everyRound)
        let (model, thinned) = try Self.run(p, train, valid, metric: LogLoss(), curve: LearningCurvePlan(every: 7))
        #expect(plainModel == silent && model == silent, "same trees, same round kept")
        #expect(plain.rounds.count < 500, "stopped early")
        // The thinned curve ends on the round training stopped at, like the plain one.
        #expect(thinned.rounds.last == plain.rounds.last)
        #expect(thinned == Self.at(thinned.rounds, of: plain))
        let best = plain.validation.indices.min { plain.validation[$0] < plain.validation[$1] }!
        #expect(model.roundCount == best + 1)
    }

    @Test func invalidPlansAreRejected() {
        let (train, valid) = GBDTTestData.mixed(rows: 200, seed: 1).split(testFraction: 0.3, seed: 2)
        #expect(throws: GBDTError.invalidParameter(name: "curveEvery", value: "0",
                                                   expected: "at least 1 (rounds between curve points)")) {
            try GBDTTrainer().train(train, validation: valid, curve: LearningCurvePlan(every: 0))
        }
    }
}
