import AccidentML
import Foundation
import Testing
@testable import bench

@Suite struct MachineTests {
    @Test(arguments: [0, 1, 63, 64, 65, 1000, 4099])
    func simdSumMatchesThePlainSum(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        let values = (0..<count).map { _ in Float(rng.next() % 1_000_000) / 1e6 - 0.25 }
        values.withUnsafeBufferPointer { x in
            let plain = MemoryBandwidth.plainSum(x), fast = MemoryBandwidth.sum(x)
            #expect(abs(plain - fast) <= 1e-4 * max(1, abs(plain)), "\(count) values: \(fast) vs \(plain)")
        }
    }

    @Test func bandwidthIsPositiveAndFinite() {
        let m = MemoryBandwidth.measure(bytes: 1 << 20, threads: 2, repeats: 2)
        #expect(m.summary.samples.count == 2)
        #expect(m.summary.min > 0 && m.summary.max.isFinite)
    }

    @Test func processMemoryReadsThisProcess() throws {
        try ProcessMemory.resetPeak()
        let peak = try ProcessMemory.peakBytes(), resident = try ProcessMemory.residentBytes()
        #expect(resident > 0 && peak >= resident / 2)
        #expect(MachineInfo.loadAverage().count == 3)
    }
}
