import Testing
@testable import AccidentML

/// The blocked batch path (`BlockedForest`) against the plain walk, its oracle: the same
/// probabilities bit for bit, on trained and hand-made models, on rows full of edge values.
@Suite struct BlockedInferenceTests {
    /// Row counts around the 64-row block and its 16-row lanes.
    static let rowCounts = [0, 1, 7, 63, 64, 65, 1000]

    /// Seeded training data: `features` uniform columns, a few of them integer codes, NaN in
    /// two columns (so that nodes learn both default directions), labels from a noisy rule.
    static func trainingData(rows: Int, features: Int, classes: Int, seed: UInt64) -> LabeledMatrix<Float> {
        var rng = SplitMix64(seed: seed)
        var out: [[Float]] = [], labels: [Int32] = []
        for _ in 0..<rows {
            var x = (0..<features).map { _ in Float(rng.nextUnit() * 4 - 2) }
            x[1] = Float(rng.next() % 6)
            let score = Double(x[0]) + 0.7 * Double(x[1]) - Double(x[2] * x[3]) + 0.4 * rng.nextUnit()
            if rng.nextUnit() < 0.15 { x[0] = .nan }
            if rng.nextUnit() < 0.15 { x[2] = .nan }
            labels.append(Int32(min(classes - 1, max(0, Int(score + 2) * classes / 6))))
            out.append(x)
        }
        return LabeledMatrix(features: FeatureMatrix(rows: out, columnNames: (0..<features).map { "f\($0)" }),
                             labels: labels, classLabels: (0..<classes).map { "c\($0)" })
    }

    /// `count` rows mixing random values with the model's thresholds exactly and one ulp either
    /// side, NaN, ±infinity, ±0, huge values and the extremes of Float.
    static func edgeRows(_ model: GBDTModel, count: Int, seed: UInt64) -> FeatureMatrix<Float> {
        var thresholds = [[Float]](repeating: [], count: model.featureCount)
        for tree in model.trees {
            for (f, t) in zip(tree.splitFeature, tree.threshold) { thresholds[Int(f)].append(t) }
        }
        let specials: [Float] = [.nan, .infinity, -.infinity, 0, -0.0, 1e30, -1e30, .greatestFiniteMagnitude,
                                 -.greatestFiniteMagnitude, .leastNonzeroMagnitude]
        var rng = SplitMix64(seed: seed)
        let rows = (0..<count).map { _ in
            (0..<model.featureCount).map { f -> Float in
                let pick = rng.next() % 8, known = thresholds[f]
                if pick < 3 && !known.isEmpty {
                    let t = known[Int(rng.next() % UInt64(known.count))]
                    return pick == 0 ? t : pick == 1 ? t.nextUp : t.nextDown
                }
                if pick == 3 { return specials[Int(rng.next() % UInt64(specials.count))] }
                return Float(rng.nextUnit() * 8 - 4)
            }
        }
        return FeatureMatrix(rows: rows, columnNames: model.featureNames)
    }

    /// Expects the blocked path and the walk to give the same bits on every row count, on one
    /// and on two workers.
    static func expectIdentical(_ model: GBDTModel, seed: UInt64) {
        for count in rowCounts {
            let x = edgeRows(model, count: count, seed: seed &+ UInt64(count))
            let oracle = model.predictProbabilitiesByWalk(x, threads: 1).map(\.bitPattern)
            #expect(oracle.count == count * model.classCount)
            for threads in [1, 2] {
                #expect(model.predictProbabilities(x, threads: threads).map(\.bitPattern) == oracle,
                        "rows \(count), threads \(threads)")
            }
        }
    }

    /// Trained model shapes: classes, max depth (-1: unlimited), leaves, seed.
    static let shapes = [(2, 3, 7, 1), (2, 6, 31, 2), (2, 8, 64, 3), (3, 4, 15, 4), (4, 6, 31, 5), (2, -1, 40, 6)]

    @Test(arguments: shapes.indices)
    func trainedModelsMatchTheWalkBitForBit(shape: Int) throws {
        let (classes, depth, leaves, seed) = Self.shapes[shape]
        var p = GBDTParameters()
        p.rounds = 13
        p.numLeaves = leaves
        p.maxDepth = depth
        p.minDataInLeaf = 3
        p.seed = UInt64(seed)
        p.objective = classes == 2 ? .binary : .multiclass
        let data = Self.trainingData(rows: 1500, features: 7, classes: classes, seed: UInt64(seed))
        let model = try GBDTTrainer(parameters: p).train(data)
        #expect(model.hasBlockedLayout)
        Self.expectIdentical(model, seed: UInt64(seed) * 101)
    }

    /// A hand-made binary model: `trees` stumps on feature 0 with thresholds `0.01 (i % distinct)`,
    /// missing values alternately left and right, every third one split again on feature 1.
    static func stumps(trees: Int, distinct: Int) -> GBDTModel {
        var forest: [RegressionTree] = []
        for i in 0..<trees {
            var tree = RegressionTree()
            _ = tree.split(leaf: 0, parent: -1, isLeft: true, feature: 0, threshold: Float(i % distinct) * 0.01,
                           defaultLeft: i % 2 == 0, gain: 1, leftValue: Float(i) * 0.001, rightValue: -Float(i) * 0.002)
            if i % 3 == 0 {
                _ = tree.split(leaf: 1, parent: 0, isLeft: false, feature: 1, threshold: 0.5, defaultLeft: false, gain: 1,
                               leftValue: 0.25, rightValue: -0.125)
            }
            forest.append(tree)
        }
        return GBDTModel(classCount: 2, objective: .binary, featureNames: ["a", "b"], initScores: [0.1], trees: forest)
    }

    @Test func aFeatureWithMoreThan255ThresholdsFallsBackToTheWalk() {
        let model = Self.stumps(trees: 300, distinct: 256)
        #expect(!model.hasBlockedLayout)
        Self.expectIdentical(model, seed: 7)
    }

    @Test func exactly255ThresholdsOnAFeatureStillTakeTheBlockedLayout() {
        let model = Self.stumps(trees: 300, distinct: 255)
        #expect(model.hasBlockedLayout)
        #expect(model.forest.blocked!.searchSteps == [8, 1])
        Self.expectIdentical(model, seed: 8)
    }

    @Test func singleLeafTreesAndMulticlassColumnsMatchTheWalk() {
        var trees = Self.stumps(trees: 12, distinct: 5).trees
        trees[4] = RegressionTree(leafValue: [0.5])
        trees[9] = RegressionTree(leafValue: [-0.75])
        let model = GBDTModel(classCount: 3, objective: .multiclass, featureNames: ["a", "b"],
                              initScores: [0.1, -0.2, 0.3], trees: trees)
        #expect(model.hasBlockedLayout)
        Self.expectIdentical(model, seed: 9)
    }

    @Test func aTreeWithMoreThan256LeavesFallsBackToTheWalk() {
        // Splitting the newest leaf again and again: a chain of 300 leaves (100 distinct thresholds).
        var tree = RegressionTree()
        var leaf = 0, parent = -1
        for i in 0..<299 {
            let newLeaf = tree.split(leaf: leaf, parent: parent, isLeft: false, feature: 0, threshold: Float(i % 100) * 0.01,
                                     defaultLeft: i % 2 == 1, gain: 1, leftValue: Float(i), rightValue: -1)
            parent = tree.internalCount - 1
            leaf = newLeaf
        }
        let model = GBDTModel(classCount: 2, objective: .binary, featureNames: ["a", "b"], initScores: [0], trees: [tree])
        #expect(!model.hasBlockedLayout)
        Self.expectIdentical(model, seed: 10)
    }

    @Test func ranksReproduceEveryComparisonOfTheThresholds() {
        // x <= t_j exactly when rank(x) <= j, for values at, between and beyond the thresholds.
        let table: [Float] = [-1, -0.0, 0.5, 2, .infinity, .infinity, .infinity]
        let real = 4
        for x: Float in [-.infinity, -2, -1, -0.5, -0.0, 0, 0.25, 0.5, 1, 2, 3, .infinity, .greatestFiniteMagnitude] {
            let rank = table.withUnsafeBufferPointer { BlockedForest.rank(x, table: $0.baseAddress!, steps: 3) }
            for j in 0..<real { #expect((x <= table[j]) == (rank <= j), "x \(x), threshold \(table[j])") }
        }
        #expect(table.withUnsafeBufferPointer { BlockedForest.rank(.nan, table: $0.baseAddress!, steps: 3) } == 0)
    }
}
