/// How one feature's raw values map to ordered bins: quantile boundaries cut on a sample,
/// LightGBM's greedy algorithm, with a separate bin for missing values (NaN).
///
/// A value `v` falls in the first bin `b` with `v <= upperBounds[b]`; the last bound is
/// +infinity. A split "bin <= b goes left" is therefore the raw test `v <= upperBounds[b]`,
/// which is what the model stores, so prediction needs no binning.
struct FeatureBinMapper: Sendable, Equatable {
    /// Inclusive upper bound of each value bin, increasing, the last one +infinity.
    let upperBounds: [Float]
    /// Whether the sample held missing values.
    let sampleHadMissing: Bool

    /// Number of value bins; the missing bin comes right after them.
    var valueBinCount: Int { upperBounds.count }
    /// Index of the missing-value bin.
    var missingBin: Int { upperBounds.count }
    /// Whether a split on this feature can separate anything.
    var isSplittable: Bool { valueBinCount > 1 || sampleHadMissing }

    init(upperBounds: [Float], sampleHadMissing: Bool) {
        precondition(!upperBounds.isEmpty && upperBounds.last == .infinity, "the last upper bound must be +infinity")
        self.upperBounds = upperBounds
        self.sampleHadMissing = sampleHadMissing
    }

    /// Cuts bins for a sample of one feature's values (NaN = missing).
    ///
    /// With at most `maxBins` distinct values each gets its own bin (merged only when a bin
    /// would hold fewer than `minDataInBin` rows), so small categorical codes stay exact;
    /// otherwise bins hold about equal counts, and very frequent values get a bin of their own.
    /// A feature with negative values has its negative and positive values binned apart and
    /// zero in a bin of its own, as LightGBM does (`signedBounds`).
    init(sample: [Float], maxBins: Int, minDataInBin: Int) {
        precondition(maxBins >= 2 && maxBins <= 255, "maxBins must be in 2...255")
        let present = Self.sortedPresentValues(sample)
        var distinct: [Float] = [], counts: [Int] = []
        for v in present {
            if let last = distinct.last, last == v { counts[counts.count - 1] += 1 } else { distinct.append(v); counts.append(1) }
        }
        self.init(upperBounds: Self.signedBounds(distinct: distinct, counts: counts, maxBins: maxBins,
                                                 minDataInBin: minDataInBin),
                  sampleHadMissing: present.count < sample.count)
    }

    /// The bin of a raw value (the plain definition; `bins(of:into:)` bins whole columns).
    @inline(__always)
    func bin(of value: Float) -> Int {
        if value.isNaN { return missingBin }
        var lo = 0, hi = upperBounds.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if value <= upperBounds[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// LightGBM's `FindBinWithZeroAsOneBin` for a feature with negative values: the negative
    /// and the positive values are binned apart (`greedyBounds` each), with a bin budget
    /// proportional to their row counts, and zero (|v| <= `zeroThreshold`) keeps a bin of its
    /// own between them. Without negative values this is `greedyBounds` over all values (LightGBM
    /// would add an empty bin below zero, which separates nothing more).
    static func signedBounds(distinct: [Float], counts: [Int], maxBins: Int, minDataInBin: Int) -> [Float] {
        let n = distinct.count
        let zeroStart = distinct.firstIndex { $0 > -zeroThreshold } ?? n
        guard zeroStart > 0, n > 1 else {
            return greedyBounds(distinct: distinct, counts: counts, maxBins: maxBins, minDataInBin: minDataInBin)
        }
        let positiveStart = distinct[zeroStart...].firstIndex { $0 > zeroThreshold } ?? n
        let total = counts.reduce(0, +), negative = counts[..<zeroStart].reduce(0, +)
        let zeros = counts[zeroStart..<positiveStart].reduce(0, +)
        let negativeBins = max(1, Int(Double(negative) / Double(total - zeros) * Double(maxBins - 1)))
        var bounds = greedyBounds(distinct: Array(distinct[..<zeroStart]), counts: Array(counts[..<zeroStart]),
                                  maxBins: negativeBins, minDataInBin: minDataInBin)
        bounds[bounds.count - 1] = -zeroThreshold
        let positiveBins = maxBins - 1 - bounds.count
        guard positiveStart < n, positiveBins > 0 else { return bounds + [.infinity] }
        return bounds + [zeroThreshold]
            + greedyBounds(distinct: Array(distinct[positiveStart...]), counts: Array(counts[positiveStart...]),
                           maxBins: positiveBins, minDataInBin: minDataInBin)
    }

    /// Values within this distance of 0 are zero for binning (LightGBM's `kZeroThreshold`).
    static let zeroThreshold: Float = 1e-35

    /// LightGBM's `GreedyFindBin`: the boundary between two bins is the midpoint of the last
    /// value of one and the first value of the next.
    static func greedyBounds(distinct: [Float], counts: [Int], maxBins: Int, minDataInBin: Int) -> [Float] {
        let n = distinct.count
        guard n > 1 else { return [.infinity] }
        var bounds: [Float] = []
        func cut(after i: Int) { bounds.append(midpoint(distinct[i], distinct[i + 1])) }
        if n <= maxBins {
            var inBin = 0
            for i in 0..<(n - 1) {
                inBin += counts[i]
                if inBin >= minDataInBin { cut(after: i); inBin = 0 }
            }
            bounds.append(.infinity)
            return bounds
        }
        let total = counts.reduce(0, +)
        var meanBinSize = Double(total) / Double(maxBins)
        let isBig = counts.map { Double($0) >= meanBinSize }
        var restBins = maxBins, restSamples = total
        for i in 0..<n where isBig[i] { restBins -= 1; restSamples -= counts[i] }
        meanBinSize = Double(restSamples) / Double(max(restBins, 1))
        var inBin = 0
        for i in 0..<(n - 1) {
            if !isBig[i] { restSamples -= counts[i] }
            inBin += counts[i]
            let closes = isBig[i] || Double(inBin) >= meanBinSize
                || (isBig[i + 1] && Double(inBin) >= max(1, meanBinSize * 0.5))
            guard closes && inBin >= minDataInBin else { continue }
            cut(after: i)
            if bounds.count >= maxBins - 1 { break }
            inBin = 0
            if !isBig[i] {
                restBins -= 1
                meanBinSize = Double(restSamples) / Double(max(restBins, 1))
            }
        }
        bounds.append(.infinity)
        return bounds
    }

    /// A boundary strictly between `a < b` (their midpoint, or `a` when they are adjacent floats).
    static func midpoint(_ a: Float, _ b: Float) -> Float {
        let m = a / 2 + b / 2
        return m >= a && m < b ? m : a
    }
}
