import Foundation
import Testing
@testable import AccidentML

/// TreeSHAP against brute-force Shapley values, and its additivity.
@Suite struct TreeSHAPTests {
    static func train(_ data: LabeledMatrix<Float>, rounds: Int, leaves: Int) throws -> GBDTModel {
        var p = GBDTParameters()
        p.rounds = rounds
        p.numLeaves = leaves
        p.minDataInLeaf = 5
        return try GBDTTrainer(parameters: p).train(data)
    }

    static func rows(_ data: LabeledMatrix<Float>, _ indices: Range<Int>) -> [[Float]] {
        indices.map { r in (0..<data.features.columnCount).map { data.features[row: r, column: $0] } }
    }

    static func shap(_ model: GBDTModel, _ x: [Float]) -> [ScoreContributions.Score] {
        x.withUnsafeBufferPointer { model.contributions(row: $0) }
    }

    @Test(arguments: ["xor", "mixed", "three classes"])
    func matchesBruteForceShapleyValues(data name: String) throws {
        let data = switch name {
        case "xor": GBDTTestData.xor(rows: 400, seed: 1)
        case "mixed": GBDTTestData.mixed(rows: 400, seed: 2)
        default: GBDTTestData.threeClasses(rows: 400, seed: 3)
        }
        let model = try Self.train(data, rounds: 4, leaves: 8)
        #expect(model.hasCovers)
        #expect(model.trees.contains { t in  // some path splits twice on one feature (the unwind case)
            (0..<t.internalCount).contains { n in
                [t.leftChild[n], t.rightChild[n]].contains { $0 >= 0 && t.splitFeature[Int($0)] == t.splitFeature[n] }
            }
        })
        var samples = Self.rows(data, 0..<6)
        samples[0][0] = .nan
        for x in samples {
            let fast = Self.shap(model, x)
            let oracle = BruteForceSHAP.contributions(model, x)
            #expect(fast.count == oracle.count)
            for (a, b) in zip(fast, oracle) {
                #expect(abs(a.baseline - b.baseline) < 1e-9)
                for (u, v) in zip(a.values, b.values) { #expect(abs(u - v) < 1e-9, "\(a.values) vs \(b.values)") }
            }
        }
    }

    @Test(arguments: [2, 3])
    func baselinePlusValuesIsTheRawScore(classes: Int) throws {
        let data = classes == 2 ? GBDTTestData.mixed(rows: 1500, seed: 4) : GBDTTestData.threeClasses(rows: 1500, seed: 5)
        let model = try Self.train(data, rounds: 30, leaves: 31)
        for x in Self.rows(data, 0..<200) {
            let raw = model.rawScoresPlain { x[$0] }
            let scores = Self.shap(model, x)
            #expect(scores.map(\.classIndex) == (classes == 2 ? [1] : [0, 1, 2]))
            for (score, expected) in zip(scores, raw) {
                #expect(abs(score.total - expected) < 1e-6 * max(1, abs(expected)))
            }
        }
    }

    @Test func aTreeWithoutSplitsIsAllBaseline() {
        var tree = RegressionTree()
        tree.leafValue = [0.25]
        tree.leafCover = [10]
        let model = GBDTModel(classCount: 2, objective: .binary, featureNames: ["a"], initScores: [-1], trees: [tree])
        let score = Self.shap(model, [3])[0]
        #expect(score.baseline == -0.75)
        #expect(score.values == [0])
    }
}
