import Testing
@testable import bench

@Suite struct StatsTests {
    @Test func summaryKeepsSamplesAndInterpolatesQuartiles() {
        let s = Summary([4, 1, 3, 2])
        #expect(s.samples == [4, 1, 3, 2])
        #expect(s.min == 1 && s.max == 4 && s.range == 3)
        // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) == [1.75, 2.5, 3.25]
        #expect(abs(s.median - 2.5) < 1e-12)
        #expect(abs(s.q1 - 1.75) < 1e-12)
        #expect(abs(s.q3 - 3.25) < 1e-12)
    }

    @Test func oddCountMedianIsTheMiddleValue() {
        #expect(Summary([9, 1, 5]).median == 5)
        #expect(Summary([7]).median == 7 && Summary([7]).range == 0)
    }

    @Test func quantileEndsAreTheExtremes() {
        let sorted: [Double] = [2, 3, 5, 8, 13]
        #expect(Summary.quantile(sorted, 0) == 2)
        #expect(Summary.quantile(sorted, 1) == 13)
        #expect(abs(Summary.quantile(sorted, 0.99) - (8 + 5 * 0.96)) < 1e-12)
    }

    @Test func reciprocalTurnsSecondsIntoRates() {
        let rates = Summary([0.5, 2, 1]).reciprocal(times: 100)
        #expect(rates.samples == [200, 50, 100])
        #expect(rates.median == 100 && rates.min == 50 && rates.max == 200)
        #expect(Summary([1, 2]).scaled(by: 3).samples == [3, 6])
    }
}
