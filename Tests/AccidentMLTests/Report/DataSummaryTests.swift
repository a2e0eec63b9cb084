import Testing
@testable import AccidentML

@Suite struct DataSummaryTests {
    /// Column a: 4, 1, NaN, 3, 2, NaN (present 1 2 3 4); column b: all missing; column c: codes 7 7 7 2 2 9.
    static let matrix = FeatureMatrix<Float>(rows: [[4, .nan, 7], [1, .nan, 7], [.nan, .nan, 7], [3, .nan, 2], [2, .nan, 2], [.nan, .nan, 9]],
                                             columnNames: ["a", "b", "c"])

    @Test func classCountsAndMissingShares() {
        let summary = TrainingReport.DataSummary(features: Self.matrix, labels: [0, 1, 1, 0, 2, 1], classCount: 3)
        #expect(summary.rowCount == 6)
        #expect(summary.classCounts == [2, 3, 1])
        #expect(abs(summary.classShare(1) - 0.5) < 1e-12)
        #expect(summary.features.map(\.name) == ["a", "b", "c"])
        #expect(abs(summary.features[0].missingShare - 2.0 / 6) < 1e-12)
        #expect(summary.features[1].missingShare == 1 && summary.features[1].quartiles == nil && summary.features[1].distinctCount == 0)
        #expect(summary.features[2].missingShare == 0)
    }

    @Test func quartilesInterpolateLikeNumPy() throws {
        // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 75, 100]) = 1, 1.75, 2.5, 3.25, 4
        let a = try #require(TrainingReport.DataSummary(features: Self.matrix, labels: [Int32](repeating: 0, count: 6), classCount: 1)
            .features[0].quartiles)
        #expect(a.minimum == 1 && a.maximum == 4)
        #expect(abs(a.lowerQuartile - 1.75) < 1e-12 && abs(a.median - 2.5) < 1e-12 && abs(a.upperQuartile - 3.25) < 1e-12)
        // One value: every quantile is it; two values 0 and 10: quartiles 2.5 and 7.5.
        #expect(TrainingReport.FeatureSummary.quantile([5], 0.75) == 5)
        #expect(abs(TrainingReport.FeatureSummary.quantile([0, 10], 0.25) - 2.5) < 1e-12)
    }

    @Test func topValuesForCodeColumnsOnly() {
        let summary = TrainingReport.DataSummary(features: Self.matrix, labels: [Int32](repeating: 0, count: 6), classCount: 1)
        let c = summary.features[2]
        #expect(c.distinctCount == 3)
        #expect(c.topValues == [.init(value: 7, count: 3), .init(value: 2, count: 2), .init(value: 9, count: 1)])
        // Ties keep the smaller value first: a has 1 2 3 4 once each.
        #expect(summary.features[0].topValues.map(\.value) == [1, 2, 3, 4])
        // A column with more distinct values than the limit gets none.
        let limit = TrainingReport.FeatureSummary.topValueLimit
        let wide = FeatureMatrix<Float>(rows: (0...limit).map { [Float($0)] }, columnNames: ["many"])
        let many = TrainingReport.DataSummary(features: wide, labels: [Int32](repeating: 0, count: limit + 1), classCount: 1).features[0]
        #expect(many.distinctCount == limit + 1 && many.topValues.isEmpty)
        // At most topValueCount values are kept.
        let codes = FeatureMatrix<Float>(rows: (0..<limit).map { [Float($0)] }, columnNames: ["codes"])
        #expect(TrainingReport.DataSummary(features: codes, labels: [Int32](repeating: 0, count: limit), classCount: 1)
            .features[0].topValues.count == TrainingReport.FeatureSummary.topValueCount)
    }
}
