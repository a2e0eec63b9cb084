import Testing
@testable import AccidentML

@Suite struct GBDTInferenceTests {
    /// A model deep enough to exercise the fixed-depth walks, and data with missing values.
    static func fixture(classes: Int) throws -> (GBDTModel, FeatureMatrix<Float>) {
        var p = GBDTParameters()
        p.rounds = 23  // not a multiple of the 8-tree groups
        p.numLeaves = 31
        p.maxDepth = 7
        p.minDataInLeaf = 5
        let data = classes == 2 ? GBDTTestData.mixed(rows: 3000, seed: 20) : GBDTTestData.threeClasses(rows: 3000, seed: 21)
        return (try GBDTTrainer(parameters: p).train(data), data.features)
    }

    @Test(arguments: [2, 3]) func flattenedForestMatchesThePlainRecursiveWalk(classes: Int) throws {
        let (model, x) = try Self.fixture(classes: classes)
        let batch = model.predictProbabilities(x, threads: 1)
        var probs = [Float](repeating: 0, count: model.classCount)
        for r in 0..<x.rowCount {
            let raw = model.rawScoresPlain { x[row: r, column: $0] }
            let rawFloat = raw.map(Float.init)
            rawFloat.withUnsafeBufferPointer { s in
                probs.withUnsafeMutableBufferPointer {
                    model.objective.link(classCount: model.classCount)
                        .probabilities(scores: s.baseAddress!, scoreColumns: raw.count, into: $0.baseAddress!)
                }
            }
            // The batch sums a column's init score and its trees' leaf values in Float, the plain
            // walk in Double then rounds once: the scores differ by at most γ(m + 1) Σ |terms|
            // (m terms, Float's u, Higham); the same link then moves a probability by at most ½ of
            // that (logistic slope ≤ ¼, softmax rows' 1-norm ≤ ½) plus its own roundings on both
            // sides (exp ≤ 2 u moves p by ≤ 4 u, sum and scaling (k + 2) u, relative to p ≤ 1).
            let u = Double(Float.ulpOfOne) / 2
            let scoreError = (0..<raw.count).map { column in
                let leaves = model.trees.indices.filter { $0 % raw.count == column }
                    .map { t in abs(Double(model.trees[t].predict { c in x[row: r, column: c] })) }
                let m = Double(leaves.count + 2)
                return m * u / (1 - m * u) * leaves.reduce(abs(model.initScores[column]), +)
            }.max()!
            let bound = scoreError / 2 + 2 * Double(model.classCount + 6) * u
            for k in 0..<model.classCount { #expect(Double(abs(batch[r * model.classCount + k] - probs[k])) <= bound) }
        }
    }

    @Test(arguments: [2, 3]) func singleRowAndBatchGiveIdenticalProbabilities(classes: Int) throws {
        let (model, x) = try Self.fixture(classes: classes)
        let batch = model.predictProbabilities(x, threads: 1)
        #expect(model.predictProbabilities(x, threads: 2) == batch)
        var out = [Float](repeating: 0, count: model.classCount)
        for r in 0..<x.rowCount {
            let row = x.row(r)
            row.withUnsafeBufferPointer { rb in out.withUnsafeMutableBufferPointer { model.predictProbabilities(row: rb, into: $0) } }
            #expect(out[...] == batch[(r * model.classCount)..<((r + 1) * model.classCount)])
        }
    }

    @Test func flatLayoutPutsSiblingsSideBySideAndLeavesAsSelfLoops() throws {
        let (model, _) = try Self.fixture(classes: 2)
        let forest = model.forest, stride = FlatForest.nodeStride
        #expect(forest.nodes.count == model.trees.reduce(0) { $0 + $1.internalCount + $1.leafCount })
        for (t, tree) in model.trees.enumerated() {
            // Walk the tree and its flat copy together: same tests, same leaves.
            func check(_ ref: Int32, _ offset: Int32) {
                let node = forest.nodes[Int(offset) / stride]
                if ref < 0 {
                    #expect(node.left == offset && node.threshold == .infinity && node.defaultLeft == 1)
                    #expect(node.leafValue == tree.leafValue[Int(~ref)])
                    return
                }
                let i = Int(ref)
                #expect(Int32(node.feature) == tree.splitFeature[i] && node.threshold == tree.threshold[i])
                #expect((node.defaultLeft == 1) == tree.defaultLeft[i])
                check(tree.leftChild[i], node.left)
                check(tree.rightChild[i], node.left + Int32(stride))
            }
            check(tree.internalCount == 0 ? ~0 : 0, forest.roots[t])
            #expect(forest.depths[t] == Int32(tree.depth))
        }
    }

    @Test func aModelOfSingleLeafTreesPredictsItsPrior() throws {
        // One feature, constant: nothing to split, so every tree is one leaf.
        let x = FeatureMatrix<Float>(rowCount: 100, columnNames: ["c"], storage: [Float](repeating: 1, count: 100))
        let labels = (0..<100).map { Int32($0 < 25 ? 1 : 0) }
        let model = try GBDTTrainer().train(LabeledMatrix(features: x, labels: labels, classLabels: ["0", "1"]))
        #expect(model.trees.allSatisfy { $0.internalCount == 0 })
        let p = model.predictProbabilities(x, threads: 2)
        #expect(abs(p[1] - 0.25) < 1e-4 && abs(p[0] - 0.75) < 1e-4)
    }
}
