import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// GBDT on the real BAAC 2021 accident set in `../shared/data/baac2021/`.
@Suite struct BAACGBDTTests {
    static func load() throws -> LabeledMatrix<Float> {
        try NumericCSV.loadLabeled(features: try SharedData.url("baac2021/X_train.csv"),
                                   labels: try SharedData.url("baac2021/y_train.csv"))
    }

    @Test(.requiresSharedData)
    func threeHundredTreesBeatTheSanityFloorOnAHeldOutSplit() throws {
        let data = try Self.load()
        #expect(data.features.rowCount == 38_288 && data.features.columnCount == 28)
        let (train, test) = data.split(testFraction: 0.3, seed: 42)
        var p = GBDTParameters()
        p.rounds = 300
        p.learningRate = 0.1
        p.numLeaves = 31
        p.maxDepth = 6
        p.threads = 2
        let model = try GBDTTrainer(parameters: p).train(train)
        let probs = model.predictProbabilities(test.features, threads: 2)
        let auc = ROCAUC().evaluate(probabilities: probs, labels: test.labels, classCount: 2)
        let logLoss = LogLoss().evaluate(probabilities: probs, labels: test.labels, classCount: 2)
        #expect(auc > 0.75, "held-out AUC \(auc)")
        #expect(logLoss < 0.6, "held-out log-loss \(logLoss)")
        let gain = model.featureImportance(.gain)
        #expect(gain[data.features.columnIndex(named: "year_acc")!] == 0, "a constant column cannot split")
    }
}
