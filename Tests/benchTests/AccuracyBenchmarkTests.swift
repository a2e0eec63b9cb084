import AccidentML
import Foundation
import Testing
@testable import bench

/// The accuracy section's splits, parameter sets and peer output.
@Suite struct AccuracyBenchmarkTests {
    @Test func foldsPartitionEveryRowAndAreWrittenAsTheyAreKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-accuracy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = 103
        let data = LabeledMatrix<Float>(features: FeatureMatrix(rowCount: rows, columnNames: ["a"],
                                                                storage: (0..<rows).map(Float.init)),
                                        labels: (0..<rows).map { Int32($0 % 3 == 0 ? 1 : 0) }, classLabels: ["0", "1"])
        let (train, test) = Dataset.split(labels: data.labels, classCount: 2, seed: 42)
        let (trainURL, testURL) = try Dataset.writeSplit((train, test), in: folder.appendingPathComponent("holdout"))
        let dataset = Dataset(name: "t", detail: "t", features: folder, labels: folder, trainRows: trainURL, testRows: testURL,
                              data: data, trainIndices: train, testIndices: test)
        let splits = try AccuracySplit.all(of: dataset, folds: 5, seed: 42, in: folder)
        #expect(splits.map(\.name) == ["holdout", "fold1", "fold2", "fold3", "fold4", "fold5"])
        #expect(!splits[0].isFold && splits.dropFirst().allSatisfy(\.isFold))
        let folds = splits.filter(\.isFold)
        #expect(folds.flatMap(\.testIndices).sorted() == Array(0..<rows))
        for fold in folds {
            #expect(Set(fold.trainIndices).isDisjoint(with: fold.testIndices))
            #expect(fold.trainIndices.count + fold.testIndices.count == rows)
            #expect(try GBDTChild.indices(fold.testRows.path, below: rows) == fold.testIndices)
            #expect(try GBDTChild.indices(fold.trainRows.path, below: rows) == fold.trainIndices)
        }
    }

    @Test func oursIsTheCLIDefaultWithoutValidationWhichIsLightGBMs() {
        let sets = AccuracyBenchmark.ourModels(seed: 42, threads: 2)
        var lightGBM = GBDTParameters()
        lightGBM.seed = 42
        lightGBM.threads = 2
        #expect(sets.count == 1 && sets[0].parameters == lightGBM && sets[0].parameters.rounds == 100)
        var cli = ModelTrainer.defaultTrees(for: .allRows)
        cli.seed = 42
        cli.threads = 2
        #expect(sets[0].parameters == cli)
    }

    @Test func peerOutputDecodesSplitsAndContext() throws {
        let json = #"{"peer": "accuracy", "splits": [{"name": "holdout", "train_rows": 7, "test_rows": 3, "results": "#
            + #"[{"model": "lightgbm", "trees": 100, "auc": 0.84, "log_loss": 0.46, "test_probabilities": [0.1, 0.9, 0.5]}, "#
            + #"{"model": "xgboost", "trees": 100, "auc": 0.83, "log_loss": 0.47}]}], "cpu_count": 2, "#
            + #""loadavg_before": [1, 2, 3], "loadavg_after": [2, 2, 3], "versions": {"lightgbm": "4.7.0"}, "#
            + #""thread_pools": [], "openblas_env": {}}"#
        let out = try JSONDecoder().decode(AccuracyPeerOutput.self, from: Data(json.utf8))
        #expect(out.splits.count == 1 && out.splits[0].trainRows == 7 && out.splits[0].results[0].logLoss == 0.46)
        #expect(out.splits[0].results[0].testProbabilities == [0.1, 0.9, 0.5] && out.splits[0].results[1].testProbabilities == nil)
        #expect(out.context.versions["lightgbm"] == "4.7.0")
    }

    @Test func deltaTableBootstrapsTheHoldoutWhenBothSidesGaveProbabilities() {
        let labels: [Int32] = (0..<400).map { Int32($0 % 2) }
        var random = SplitMix64(seed: 3)
        let good = labels.map { Float($0) * 0.6 + Float(random.nextUnit()) * 0.4 }, noise = labels.map { _ in Float(random.nextUnit()) }
        let holdout = AccuracySplit(name: AccuracySplit.holdoutName, trainIndices: [], testIndices: Array(0..<400),
                                    trainRows: URL(fileURLWithPath: "/t"), testRows: URL(fileURLWithPath: "/s"))
        let ours = AccuracyBenchmark.ModelScores(name: "ours", isOurs: true, auc: ["holdout": 0.9], holdoutProbabilities: good)
        let peer = AccuracyBenchmark.ModelScores(name: "peer", isOurs: false, auc: ["holdout": 0.5], holdoutProbabilities: noise)
        let blind = AccuracyBenchmark.ModelScores(name: "blind", isOurs: false, auc: ["holdout": 0.5])
        let table = AccuracyBenchmark.deltaTable([ours, peer, blind], [holdout], holdoutLabels: labels, seed: 1)
        #expect(table.rows.count == 2 && table.rows[0][3].hasSuffix("ours better"), "\(table.rows)")
        #expect(table.rows[1][3] == "—", "no probabilities, no interval")
    }
}
