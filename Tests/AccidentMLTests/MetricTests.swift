import Foundation
import Testing
@testable import AccidentML

@Suite struct MetricTests {
    @Test func aucCountsTiesAsHalf() {
        // positives 0.8, 0.4; negatives 0.4, 0.1: pairs (0.8>0.4)(0.8>0.1)(0.4=0.4 half)(0.4>0.1) = 3.5/4
        let auc = ROCAUC.binaryAUC(scores: [0.8, 0.4, 0.4, 0.1], positives: [true, true, false, false])
        #expect(abs(auc - 0.875) < 1e-12)
    }

    @Test func logLossMatchesHandComputation() {
        let p: [Float] = [0.2, 0.8, 0.6, 0.4]
        let v = LogLoss().evaluate(probabilities: p, labels: [1, 0], classCount: 2)
        let expected = -(log(0.8) + log(0.6)) / 2
        #expect(abs(v - expected) < 1e-6)
    }
}
