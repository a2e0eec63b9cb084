import Foundation
import Testing
@testable import AccidentML

@Suite struct NiceTicksTests {
    @Test func handPickedRanges() {
        #expect(NiceTicks(covering: 0, 1, count: 6).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks(covering: 0, 97, count: 5).values == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks(covering: 0.3, 0.7, count: 5).values == [0.3, 0.4, 0.5, 0.6, 0.7], "no tick below 0.3 from rounding")
        #expect(NiceTicks(covering: -3.2, 7.9, count: 5).values == [-4, -2, 0, 2, 4, 6, 8])
        #expect(NiceTicks(covering: 0.58, 0.62, count: 5).values == [0.58, 0.59, 0.6, 0.61, 0.62])
        #expect(NiceTicks(covering: 1200, 38_288, count: 4).values == [0, 10_000, 20_000, 30_000, 40_000])
        #expect(NiceTicks(covering: 0, 1, count: 6).label(0.6) == "0.6")
        #expect(NiceTicks(covering: 0.0013, 0.0087, count: 4).label(0.004) == "0.004")
    }

    @Test func degenerateRangesStillGiveAnAxis() {
        let flat = NiceTicks(covering: 5, 5)
        #expect(flat.lower < 5 && flat.upper > 5)
        let zero = NiceTicks(covering: 0, 0)
        #expect(zero.lower <= -1 && zero.upper >= 1)
        let nonFinite = NiceTicks(covering: .nan, .infinity)
        #expect(nonFinite.values.count >= 2 && nonFinite.values.allSatisfy(\.isFinite))
        #expect(NiceTicks(covering: 3, 1).values == NiceTicks(covering: 1, 3).values)
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceTicks.niceStep(for: 0.13) == (1, -1))
        #expect(NiceTicks.niceStep(for: 0.25) == (2, -1))
        #expect(NiceTicks.niceStep(for: 4.2) == (5, 0))
        #expect(NiceTicks.niceStep(for: 8) == (1, 1))
        #expect(NiceTicks.niceStep(for: 1) == (1, 0))
    }

    @Test func randomRangesAreCoveredByMultiplesOfTheStep() {
        var rng = SplitMix64(seed: 21)
        for _ in 0..<500 {
            let scale = pow(10, Double(Int(rng.next() % 9)) - 4)
            let a = (Double(rng.next() % 10_000) / 100 - 50) * scale, b = a + Double(rng.next() % 10_000 + 1) / 100 * scale
            let count = 2 + Int(rng.next() % 8)
            let ticks = NiceTicks(covering: a, b, count: count)
            #expect(ticks.lower <= a && ticks.upper >= b)
            #expect(ticks.lower > a - ticks.step * (1 + 1e-9) && ticks.upper < b + ticks.step * (1 + 1e-9), "no spare tick")
            #expect(ticks.values.count >= 2 && ticks.values.count <= 2 * count + 2)
            let mantissa = ticks.step / pow(10, log10(ticks.step).rounded(.down))
            #expect([1, 2, 5].contains { abs(mantissa - Double($0)) < 1e-9 })
            for v in ticks.values {
                let multiple = v / ticks.step
                #expect(abs(multiple - multiple.rounded()) < 1e-6)
                // Printing with the ticks' decimals is exact.
                #expect(abs(Double(ticks.label(v))! - v) <= ticks.step * 1e-9)
            }
        }
    }
}
