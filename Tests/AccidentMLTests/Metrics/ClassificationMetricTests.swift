import Testing
@testable import AccidentML

/// Hand-computed cases. Binary set: labels 1 1 1 0 0 0 0, positive probabilities
/// .9 .6 .3 .8 .2 .1 .4 → predictions 1 1 0 1 0 0 0: TP 2, FN 1, FP 1, TN 3.
@Suite struct ClassificationMetricTests {
    static let binaryLabels: [Int32] = [1, 1, 1, 0, 0, 0, 0]
    static let binaryProbabilities: [Float] = [0.9, 0.6, 0.3, 0.8, 0.2, 0.1, 0.4].flatMap { [1 - $0, $0] }

    /// Three classes, 6 rows; argmax predictions 0 1 1 2 2 2 against labels 0 0 1 1 2 2:
    /// confusion rows (actual) 0: [1 1 0], 1: [0 1 1], 2: [0 0 2].
    static let multiLabels: [Int32] = [0, 0, 1, 1, 2, 2]
    static let multiProbabilities: [Float] = [
        0.7, 0.2, 0.1,
        0.3, 0.5, 0.2,
        0.1, 0.8, 0.1,
        0.2, 0.3, 0.5,
        0.0, 0.4, 0.6,
        0.1, 0.1, 0.8,
    ]

    @Test func binaryConfusionMatrixAndScores() {
        let m = ConfusionMatrix(probabilities: Self.binaryProbabilities, labels: Self.binaryLabels, classCount: 2)
        #expect(m.counts == [3, 1, 1, 2])  // [TN, FP, FN, TP]
        #expect(abs(m.accuracy - 5.0 / 7) < 1e-12)
        let p = Self.binaryProbabilities, y = Self.binaryLabels
        #expect(abs(Accuracy().evaluate(probabilities: p, labels: y, classCount: 2) - 5.0 / 7) < 1e-12)
        #expect(abs(ClassScore(.precision).evaluate(probabilities: p, labels: y, classCount: 2) - 2.0 / 3) < 1e-12)
        #expect(abs(ClassScore(.recall).evaluate(probabilities: p, labels: y, classCount: 2) - 2.0 / 3) < 1e-12)
        #expect(abs(ClassScore(.f1).evaluate(probabilities: p, labels: y, classCount: 2) - 2.0 / 3) < 1e-12)
        // Macro: class 0 precision 3/4, recall 3/4; class 1 2/3, 2/3.
        #expect(abs(ClassScore(.precision, averaging: .macro).evaluate(probabilities: p, labels: y, classCount: 2) - (0.75 + 2.0 / 3) / 2) < 1e-12)
        #expect(ClassScore(.f1, averaging: .macro).name == "f1_macro")
    }

    @Test func multiclassMacroScores() {
        let p = Self.multiProbabilities, y = Self.multiLabels
        let m = ConfusionMatrix(probabilities: p, labels: y, classCount: 3)
        #expect(m.counts == [1, 1, 0, 0, 1, 1, 0, 0, 2])
        #expect(m.count(actual: 1, predicted: 2) == 1)
        // precision: 1/1, 1/2, 2/3; recall: 1/2, 1/2, 2/2; F1: 2/3, 1/2, 4/5
        let precision = (1 + 0.5 + 2.0 / 3) / 3, recall = (0.5 + 0.5 + 1) / 3, f1 = (2.0 / 3 + 0.5 + 0.8) / 3
        #expect(abs(ClassScore(.precision, averaging: .macro).evaluate(probabilities: p, labels: y, classCount: 3) - precision) < 1e-12)
        #expect(abs(ClassScore(.recall, averaging: .macro).evaluate(probabilities: p, labels: y, classCount: 3) - recall) < 1e-12)
        #expect(abs(ClassScore(.f1, averaging: .macro).evaluate(probabilities: p, labels: y, classCount: 3) - f1) < 1e-12)
        #expect(abs(Accuracy().evaluate(probabilities: p, labels: y, classCount: 3) - 4.0 / 6) < 1e-12)
    }

    @Test func zeroDivisionAndAbsentClasses() {
        // Nothing predicted positive: precision 0 (scikit-learn's zero_division), recall 0.
        let p: [Float] = [0.9, 0.1, 0.8, 0.2], y: [Int32] = [1, 0]
        #expect(ClassScore(.precision).evaluate(probabilities: p, labels: y, classCount: 2) == 0)
        #expect(ClassScore(.f1).evaluate(probabilities: p, labels: y, classCount: 2) == 0)
        // Class 2 never occurs nor is predicted: macro runs over classes 0 and 1 only.
        let m = ConfusionMatrix(predicted: [0, 1, 1], actual: [0, 1, 0], classCount: 3)
        #expect(m.classesPresent == [0, 1])
        #expect(abs(m.averaged(.macro, ConfusionMatrix.recall(of:)) - (0.5 + 1) / 2) < 1e-12)
    }

    @Test func argmaxTiesGoToTheLowerClass() {
        #expect(ConfusionMatrix.predictedClasses(probabilities: [0.1, 0.4, 0.4, 0.1, 0.0], classCount: 5) == [1])
        #expect(ConfusionMatrix.predictedClasses(probabilities: [0.5, 0.5, 0.4, 0.6], classCount: 2) == [0, 1])
    }

    @Test func brierScoreBinaryAndMulticlass() {
        // Binary: (.1² + .4² + .7² + .8² + .2² + .1² + .4²) / 7
        // The probabilities are Floats, each within u |p| ≤ u of its decimal (u = Float's unit
        // roundoff): a squared error (p - y)² with |p - y| ≤ 1 moves by at most 2u + u² per class,
        // so the mean over rows by at most k (2u + u²); the Double sums add a few ε_d.
        let u = Double(Float.ulpOfOne) / 2
        func brierBound(_ classCount: Int) -> Double { Double(classCount) * (2 * u + u * u) + 64 * Double.ulpOfOne }
        let binary = BrierScore().evaluate(probabilities: Self.binaryProbabilities, labels: Self.binaryLabels, classCount: 2)
        #expect(abs(binary - (0.01 + 0.16 + 0.49 + 0.64 + 0.04 + 0.01 + 0.16) / 7) <= brierBound(2))
        // Row 0 of the multiclass set: (.7-1)² + .2² + .1² = .14; the rows: .14 .78 .06 .78 .32 .06
        let multi = BrierScore().evaluate(probabilities: Self.multiProbabilities, labels: Self.multiLabels, classCount: 3)
        #expect(abs(multi - (0.14 + 0.78 + 0.06 + 0.78 + 0.32 + 0.06) / 6) <= brierBound(3))
        #expect(!BrierScore().higherIsBetter)
    }
}
