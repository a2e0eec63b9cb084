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
            for k in 0..<model.classCount { #expect(abs(batch[r * model.classCount + k] - probs[k]) < 1e-5) }
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
