import Testing
@testable import AccidentML

@Suite struct FeatureMatrixTests {
    @Test func columnMajorLayoutAndRowSelection() {
        let m = FeatureMatrix<Float>(rows: [[1, 2], [3, 4], [5, 6]], columnNames: ["a", "b"])
        #expect(m.storage == [1, 3, 5, 2, 4, 6])
        #expect(m[row: 2, column: 1] == 6)
        let s = m.selecting(rows: [2, 0])
        #expect(s.storage == [5, 1, 6, 2])
        #expect(m.withColumn(1) { Array($0) } == [2, 4, 6])
    }

    @Test func stratifiedSplitIsSeededAndKeepsClassShares() {
        let n = 1000
        let x = FeatureMatrix<Float>(rowCount: n, columnNames: ["x"])
        let y = (0..<n).map { Int32($0 % 4 == 0 ? 1 : 0) }
        let data = LabeledMatrix(features: x, labels: y, classLabels: ["no", "yes"])
        let (train, test) = data.split(testFraction: 0.3, seed: 7)
        #expect(train.features.rowCount + test.features.rowCount == n)
        #expect(test.labels.filter { $0 == 1 }.count == 75)
        let again = data.split(testFraction: 0.3, seed: 7)
        #expect(again.test.labels == test.labels)
    }
}
