import Testing
@testable import AccidentML

@Suite struct GBDTTrainerTests {
    static func params(rounds: Int = 50, leaves: Int = 15) -> GBDTParameters {
        var p = GBDTParameters()
        p.rounds = rounds
        p.numLeaves = leaves
        p.minDataInLeaf = 5
        return p
    }

    static func auc(_ model: GBDTModel, _ data: LabeledMatrix<Float>) -> Double {
        ROCAUC().evaluate(probabilities: model.predictProbabilities(data.features, threads: 1),
                          labels: data.labels, classCount: data.classCount)
    }

    @Test func separableSetReachesAUCOne() throws {
        let (train, test) = GBDTTestData.separable(rows: 3000, seed: 1).split(testFraction: 0.3, seed: 2)
        let model = try GBDTTrainer(parameters: Self.params()).train(train)
        #expect(Self.auc(model, train) == 1)
        #expect(Self.auc(model, test) > 0.995)
        #expect(model.roundCount == 50 && model.classCount == 2 && model.featureCount == 2)
    }

    @Test func xorIsLearnedByTreesButNotByAnAdditiveModel() throws {
        let (train, test) = GBDTTestData.xor(rows: 4000, seed: 3).split(testFraction: 0.3, seed: 4)
        let model = try GBDTTrainer(parameters: Self.params()).train(train)
        #expect(Self.auc(model, test) > 0.98)
        // Stumps (two leaves) sum one function per feature, as a linear model sums one slope per
        // feature: neither can express the interaction, so both stay near chance.
        let stumps = try GBDTTrainer(parameters: Self.params(leaves: 2)).train(train)
        #expect(Self.auc(stumps, test) < 0.6)
        for f in 0..<2 {
            let scores = (0..<test.features.rowCount).map { test.features[row: $0, column: f] }
            #expect(abs(ROCAUC.binaryAUC(scores: scores, positives: test.labels.map { $0 == 1 }) - 0.5) < 0.05)
        }
    }

    @Test func multiclassSoftmaxGrowsOneTreePerClassAndRound() throws {
        let (train, test) = GBDTTestData.threeClasses(rows: 3000, seed: 5).split(testFraction: 0.3, seed: 6)
        let model = try GBDTTrainer(parameters: Self.params(rounds: 30)).train(train)
        #expect(model.trees.count == 90 && model.roundCount == 30)
        let p = model.predictProbabilities(test.features, threads: 1)
        var correct = 0
        for r in 0..<test.labels.count {
            let row = p[(r * 3)..<(r * 3 + 3)]
            #expect(abs(row.reduce(0, +) - 1) < 1e-5)
            if row.firstIndex(of: row.max()!)! - r * 3 == Int(test.labels[r]) { correct += 1 }
        }
        #expect(Double(correct) / Double(test.labels.count) > 0.97)
        #expect(LogLoss().evaluate(probabilities: p, labels: test.labels, classCount: 3) < 0.15)
    }

    @Test func missingValuesGoTheLearnedWay() throws {
        // Positive rows have x missing; negative rows have a value. The only good split is
        // "missing vs present", so missing must default to the side with the high score.
        var rng = SplitMix64(seed: 7)
        var rows: [[Float]] = [], labels: [Int32] = []
        for i in 0..<1000 {
            let positive = i % 2 == 0
            rows.append([positive ? .nan : GBDTTestData.uniform(&rng, 0, 10)])
            labels.append(positive ? 1 : 0)
        }
        let data = LabeledMatrix(features: FeatureMatrix(rows: rows, columnNames: ["x"]), labels: labels,
                                 classLabels: ["0", "1"])
        var p = Self.params(rounds: 10, leaves: 2)
        p.learningRate = 0.5
        let model = try GBDTTrainer(parameters: p).train(data)
        let tree = model.trees[0]
        #expect(tree.internalCount == 1)
        let missingLeaf = tree.leaf { _ in .nan }, presentLeaf = tree.leaf { _ in 5 }
        #expect(missingLeaf != presentLeaf)
        #expect(tree.leafValue[missingLeaf] > 0 && tree.leafValue[presentLeaf] < 0)
        let prob = model.predictProbabilities(FeatureMatrix(rows: [[.nan], [3]], columnNames: ["x"]), threads: 1)
        #expect(prob[1] > 0.9 && prob[3] < 0.1)
    }

    @Test func sameSeedSameModelOtherSeedOtherModel() throws {
        let data = GBDTTestData.mixed(rows: 2000, seed: 8)
        var p = Self.params(rounds: 20)
        p.baggingFraction = 0.7
        p.featureFraction = 0.6
        let a = try GBDTTrainer(parameters: p).train(data), b = try GBDTTrainer(parameters: p).train(data)
        #expect(a == b)
        p.seed = 1
        #expect(try GBDTTrainer(parameters: p).train(data) != a)
    }

    @Test func oneAndTwoThreadsGiveIdenticalModels() throws {
        let data = GBDTTestData.mixed(rows: 20_000, seed: 9)
        var p = Self.params(rounds: 15, leaves: 31)
        p.baggingFraction = 0.8
        let one = try GBDTTrainer(parameters: p).train(data)
        p.threads = 2
        let two = try GBDTTrainer(parameters: p).train(data)
        #expect(one == two)
        #expect(one.predictProbabilities(data.features, threads: 1) == two.predictProbabilities(data.features, threads: 2))
    }

    @Test func largeLeavesCutInRowPartsGiveTheSameModelOnOneAndTwoThreads() throws {
        // 70,000 rows: the root's histogram and partition are cut in 8 parts, the children's in 4.
        let data = GBDTTestData.mixed(rows: 70_000, seed: 12)
        #expect(TreeLearner.partCount(rows: 70_000) == TreeLearner.maxParts)
        var p = Self.params(rounds: 3, leaves: 7)
        let one = try GBDTTrainer(parameters: p).train(data)
        p.threads = 2
        #expect(try GBDTTrainer(parameters: p).train(data) == one)
        #expect(one.trees.allSatisfy { $0.leafCount == 7 })
    }

    @Test func earlyStoppingStopsAndKeepsTheBestRound() throws {
        let (train, valid) = GBDTTestData.mixed(rows: 1500, seed: 10).split(testFraction: 0.3, seed: 11)
        var p = Self.params(rounds: 500, leaves: 31)
        p.learningRate = 0.3
        p.earlyStoppingPatience = 10
        var history: [Double] = []
        let model = try GBDTTrainer(parameters: p).train(train, validation: valid, metric: LogLoss()) {
            history.append($0.validMetric!)
        }
        #expect(history.count < 500)
        let best = history.indices.min { history[$0] < history[$1] }!
        #expect(model.roundCount == best + 1)
        #expect(history.count == best + 1 + 10)
    }

    @Test func importanceSumsToTheSplitsOfAllTrees() throws {
        let data = GBDTTestData.mixed(rows: 2000, seed: 12)
        let model = try GBDTTrainer(parameters: Self.params(rounds: 20)).train(data)
        let count = model.featureImportance(.splitCount), gain = model.featureImportance(.gain)
        #expect(count.reduce(0, +) == Double(model.trees.reduce(0) { $0 + $1.internalCount }))
        let totalGain = model.trees.reduce(0.0) { $0 + $1.splitGain.reduce(0, +) }
        #expect(abs(gain.reduce(0, +) - totalGain) <= 1e-9 * totalGain)
        #expect(gain.allSatisfy { $0 >= 0 })
        // x0 carries the strongest signal; the noise columns x5...x9 carry none.
        #expect(gain[0] > gain[5...].reduce(0, +))
    }

    @Test func treesRespectLeafDepthAndSizeLimits() throws {
        let data = GBDTTestData.mixed(rows: 3000, seed: 13)
        var p = Self.params(rounds: 10, leaves: 31)
        p.maxDepth = 3
        p.minDataInLeaf = 40
        let model = try GBDTTrainer(parameters: p).train(data)
        let binned = BinnedDataset(data.features, parameters: p)
        for tree in model.trees {
            #expect(tree.depth <= 3 && tree.leafCount <= 8)
            var sizes = [Int](repeating: 0, count: tree.leafCount)
            for r in 0..<data.features.rowCount { sizes[tree.leaf { data.features[row: r, column: $0] }] += 1 }
            #expect(sizes.allSatisfy { $0 >= 40 })
        }
        #expect(binned.rowCount == 3000)
    }

    @Test func classWeightsShiftProbabilitiesTowardTheHeavyClass() throws {
        let data = GBDTTestData.mixed(rows: 2000, seed: 14)
        let plain = try GBDTTrainer(parameters: Self.params(rounds: 10)).train(data)
        var p = Self.params(rounds: 10)
        p.classWeights = [1, 4]
        let weighted = try GBDTTrainer(parameters: p).train(data)
        let mean = { (m: GBDTModel) in
            let pr = m.predictProbabilities(data.features, threads: 1)
            return stride(from: 1, to: pr.count, by: 2).reduce(0.0) { $0 + Double(pr[$1]) } / 2000
        }
        #expect(mean(weighted) > mean(plain) + 0.1)
    }

    @Test func invalidInputsAreRejectedWithTheirReason() {
        var p = GBDTParameters()
        p.numLeaves = 1
        let data = GBDTTestData.separable(rows: 10, seed: 1)
        #expect(throws: GBDTError.invalidParameter(name: "numLeaves", value: "1", expected: "at least 2")) {
            try GBDTTrainer(parameters: p).train(data)
        }
        var q = GBDTParameters()
        q.earlyStoppingPatience = 5
        #expect(throws: GBDTError.self) { try GBDTTrainer(parameters: q).train(data) }
        let other = GBDTTestData.xor(rows: 10, seed: 1)
        #expect(throws: GBDTError.validationMismatch(field: "feature columns", training: 2, validation: 3)) {
            try GBDTTrainer().train(data, validation: other)
        }
        #expect(GBDTError.emptyTrainingSet.description.contains("GBDTTrainer.train"))
    }
}
