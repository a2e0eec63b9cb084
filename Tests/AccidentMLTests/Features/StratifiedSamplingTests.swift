import Testing
@testable import AccidentML

/// Stratified hold-out splits and k-fold assignment keep class shares and cover every row once.
@Suite struct StratifiedSamplingTests {
    /// 3 classes of 50, 30 and 7 rows in a scrambled order.
    static let labels: [Int32] = (0..<87).map { i in
        let k = (i * 37) % 87
        return k < 50 ? 0 : k < 80 ? 1 : 2
    }

    @Test func splitPartitionsRowsAndKeepsClassShares() {
        let (train, test) = StratifiedSampling.split(labels: Self.labels, classCount: 3, testFraction: 0.2, seed: 4)
        #expect(Set(train).isDisjoint(with: test))
        #expect((train + test).sorted() == Array(0..<87))
        #expect(train == train.sorted() && test == test.sorted())
        let testCounts = (0..<3).map { k in test.filter { Self.labels[$0] == Int32(k) }.count }
        #expect(testCounts == [10, 6, 1])  // round(0.2 × 50, 30, 7)
        let again = StratifiedSampling.split(labels: Self.labels, classCount: 3, testFraction: 0.2, seed: 4)
        #expect(again.test == test)
        let other = StratifiedSampling.split(labels: Self.labels, classCount: 3, testFraction: 0.2, seed: 5)
        #expect(other.test != test)
    }

    @Test func labeledMatrixSplitUsesTheSameRows() {
        let x = FeatureMatrix<Float>(rows: (0..<87).map { [Float($0)] }, columnNames: ["row"])
        let data = LabeledMatrix(features: x, labels: Self.labels, classLabels: ["a", "b", "c"])
        let (train, test) = data.split(testFraction: 0.3, seed: 11)
        let indices = StratifiedSampling.split(labels: Self.labels, classCount: 3, testFraction: 0.3, seed: 11)
        #expect(train.features.storage == indices.train.map { Float($0) })
        #expect(test.features.storage == indices.test.map { Float($0) })
    }

    @Test func foldsCoverEveryRowOnceWithBalancedSizesAndClasses() {
        let folds = StratifiedSampling.folds(labels: Self.labels, classCount: 3, count: 5, seed: 8)
        #expect(folds.count == 5)
        #expect(folds.flatMap { $0 }.sorted() == Array(0..<87))
        let sizes = folds.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
        for k in 0..<3 {
            let perFold = folds.map { fold in fold.filter { Self.labels[$0] == Int32(k) }.count }
            #expect(perFold.max()! - perFold.min()! <= 1, "class \(k) spread \(perFold)")
        }
        #expect(folds.allSatisfy { $0 == $0.sorted() })
        #expect(StratifiedSampling.folds(labels: Self.labels, classCount: 3, count: 5, seed: 8) == folds)
        #expect(StratifiedSampling.folds(labels: Self.labels, classCount: 3, count: 5, seed: 9) != folds)
    }
}
