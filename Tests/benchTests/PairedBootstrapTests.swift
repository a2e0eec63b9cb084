import AccidentML
import Testing
@testable import bench

/// The paired bootstrap of Δ AUC that decides whether a hold-out difference is a tie.
@Suite struct PairedBootstrapTests {
    /// 600 alternating labels, a model that sees them through noise and one that sees noise only.
    static func scores() -> (labels: [Int32], informed: [Float], noise: [Float]) {
        var random = SplitMix64(seed: 11)
        let labels: [Int32] = (0..<600).map { Int32($0 % 2) }
        let informed = labels.map { Float($0) * 0.5 + Float(random.nextUnit()) * 0.5 }
        let noise = labels.map { _ in Float(random.nextUnit()) }
        return (labels, informed, noise)
    }

    @Test func aModelAgainstItselfIsAnExactTie() {
        let s = Self.scores()
        let boot = PairedBootstrap(labels: s.labels, a: s.informed, b: s.informed, draws: 50, seed: 1)
        #expect(boot.difference == 0 && boot.low == 0 && boot.high == 0 && boot.standardDeviation == 0)
        #expect(boot.shareBelow == 0 && boot.isTie && boot.draws == 50)
    }

    @Test func theDifferenceIsTheAUCDifferenceAndASeparatedPairIsNotATie() {
        let s = Self.scores()
        let boot = PairedBootstrap(labels: s.labels, a: s.informed, b: s.noise, draws: 200, seed: 1)
        func auc(_ p: [Float]) -> Double {
            ROCAUC().evaluate(probabilities: p.flatMap { [1 - $0, $0] }, labels: s.labels, classCount: 2)
        }
        #expect(abs(boot.difference - (auc(s.informed) - auc(s.noise))) <= 1e-12)
        #expect(boot.low > 0 && !boot.isTie && boot.shareBelow == 0 && boot.low <= boot.difference && boot.difference <= boot.high)
        #expect(boot.standardDeviation > 0 && boot.high - boot.low < 6 * boot.standardDeviation)
    }

    @Test func swappingTheModelsMirrorsTheIntervalAndTheSeedFixesIt() {
        let s = Self.scores()
        let ab = PairedBootstrap(labels: s.labels, a: s.informed, b: s.noise, draws: 100, seed: 7)
        let ba = PairedBootstrap(labels: s.labels, a: s.noise, b: s.informed, draws: 100, seed: 7)
        // Same draws, negated differences: quantiles mirror (up to the rounding of the interpolation).
        #expect(abs(ab.low + ba.high) <= 1e-12 && abs(ab.high + ba.low) <= 1e-12 && ab.standardDeviation == ba.standardDeviation)
        #expect(PairedBootstrap(labels: s.labels, a: s.informed, b: s.noise, draws: 100, seed: 7) == ab)
        #expect(PairedBootstrap(labels: s.labels, a: s.informed, b: s.noise, draws: 100, seed: 8) != ab)
    }
}
