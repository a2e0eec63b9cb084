import Testing
@testable import bench

@Suite struct VerdictTests {
    /// Samples with the given median and min–max range (three values: min, median, max).
    func s(_ median: Double, spread: Double) -> Summary {
        Summary([median - spread / 2, median, median + spread / 2])
    }

    @Test func differenceWithinTheCombinedSpreadIsATie() {
        // |Δ| = 1, ranges 0.6 + 0.6 = 1.2
        #expect(Comparison.verdict(ours: s(10, spread: 0.6), peer: s(11, spread: 0.6), better: .lower) == .tie)
        // Non-overlapping ranges are not enough: 10.3 < 10.7 but |Δ| = 1 is not above 0.6 + 0.8.
        #expect(Comparison.verdict(ours: s(10, spread: 0.6), peer: s(11, spread: 0.8), better: .lower) == .tie)
    }

    @Test func differenceEqualToTheSpreadIsStillATie() {
        #expect(Comparison.verdict(ours: s(10, spread: 0.5), peer: s(11, spread: 0.5), better: .lower) == .tie)
    }

    @Test func lowerIsBetterForTimes() {
        #expect(Comparison.verdict(ours: s(10, spread: 0.2), peer: s(11, spread: 0.2), better: .lower) == .win)
        #expect(Comparison.verdict(ours: s(11, spread: 0.2), peer: s(10, spread: 0.2), better: .lower) == .loss)
    }

    @Test func higherIsBetterForThroughputs() {
        #expect(Comparison.verdict(ours: s(11, spread: 0.2), peer: s(10, spread: 0.2), better: .higher) == .win)
        #expect(Comparison.verdict(ours: s(10, spread: 0.2), peer: s(11, spread: 0.2), better: .higher) == .loss)
    }

    @Test func ratioIsOursOverPeer() {
        let c = Comparison(ours: Summary([2]), peer: Summary([8]), better: .lower)
        #expect(c.ratio == 0.25)
        #expect(c.verdict == .win, "single samples have no spread")
        #expect(Comparison(ours: Summary([3, 3]), peer: Summary([3, 3]), better: .higher).verdict == .tie)
    }
}
