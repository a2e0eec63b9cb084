/// One histogram bin: (sum of gradients, sum of hessians, row count, unused), summed in
/// Double as LightGBM does, in one SIMD vector so that adding a row is one vector add.
typealias HistogramEntry = SIMD4<Double>

/// A row's (gradient, hessian, 1, 0) in Float, as the Float block sums of histogram building hold it.
typealias GradientEntry = SIMD4<Float>

/// Where each feature's bins sit in a flat histogram: feature `f` owns
/// `offsets[f] ..< offsets[f + 1]`, its value bins then its missing bin.
struct HistogramLayout: Sendable {
    /// Start of each feature's bins, plus the total at the end.
    let offsets: [Int]

    /// Total bins over all features.
    var totalBins: Int { offsets[offsets.count - 1] }

    init(mappers: [FeatureBinMapper]) {
        var offsets = [0]
        for m in mappers { offsets.append(offsets[offsets.count - 1] + m.valueBinCount + 1) }
        self.offsets = offsets
    }
}

/// Histogram construction and subtraction, the kernels that dominate training time.
enum HistogramKernels {
    /// Rows summed in Float before being added to the Double histogram: short enough for
    /// Float sums to stay accurate, long enough for the flush to cost little.
    static let floatBlockRows = 4096

    /// Sums the (g, h, 1, 0) of `rows` into `hist` (`binCount` bins, zeroed first) at each
    /// row's sparse indices, LightGBM's row-wise layout: a row's gradient is loaded once and
    /// its features hit different bins, so equal bins in consecutive rows do not serialise
    /// the loop. Rows are summed into the Float `scratch` by blocks of `floatBlockRows`, each
    /// flushed into `hist`: a 16-byte add per stored bin instead of 32, with Double totals.
    /// The default bins stay zero (see `restoreDefaultBins`). Returns the rows' total, summed
    /// in Double row by row (a register add): every default bin inherits its error.
    /// `entries` ends with one padding entry; `scratch` has `binCount + 1` entries, the last
    /// one a sink.
    static func buildSparse<Index: FixedWidthInteger>(
        rowStart: UnsafeBufferPointer<UInt32>, entries: UnsafeBufferPointer<Index>, rows: UnsafeBufferPointer<Int32>,
        gradients: UnsafePointer<SIMD2<Float>>, binCount: Int, into hist: UnsafeMutablePointer<HistogramEntry>,
        scratch: UnsafeMutablePointer<GradientEntry>
    ) -> HistogramEntry {
        hist.update(repeating: .zero, count: binCount)
        var total = HistogramEntry.zero
        guard let r = rows.baseAddress else { return total }
        return withUnsafeTemporaryAllocation(of: GradientEntry.self, capacity: gatherRows) { gathered in
            withUnsafeTemporaryAllocation(of: SIMD2<UInt32>.self, capacity: gatherRows) { spans in
                var start = 0, touched: UInt32 = 0
                while start < rows.count {
                    let end = min(start + floatBlockRows, rows.count)
                    scratch.update(repeating: .zero, count: binCount)
                    var chunk = start
                    while chunk < end {
                        let count = min(gatherRows, end - chunk)
                        // The rows' random loads first, all independent so that their cache
                        // misses overlap (touching each row's first and last entry, a
                        // prefetch Swift cannot spell); then the updates, from cache.
                        for i in 0..<count {
                            let row = Int(r[chunk &+ i]), gh = gradients[row]
                            gathered[i] = GradientEntry(gh.x, gh.y, 1, 0)
                            let span = SIMD2(rowStart[row], rowStart[row &+ 1])
                            spans[i] = span
                            touched ^= UInt32(truncatingIfNeeded: entries[Int(span.x)])
                                ^ UInt32(truncatingIfNeeded: entries[Int(max(span.y, 1) &- 1)])
                        }
                        for i in 0..<count {
                            let e = gathered[i], span = spans[i]
                            total += HistogramEntry(e)
                            var k = Int(span.x)
                            let stop = Int(span.y)
                            while k < stop {
                                scratch[Int(truncatingIfNeeded: entries[k])] += e
                                k &+= 1
                            }
                        }
                        chunk &+= count
                    }
                    for b in 0..<binCount { hist[b] += HistogramEntry(scratch[b]) }
                    start = end
                }
                scratch[binCount].w = Float(bitPattern: touched)  // keeps the touching loads
                return total
            }
        }
    }

    /// Rows whose gradients and row spans are gathered at a time by `buildSparse`.
    static let gatherRows = 256

    /// Fills each feature's default bin (left empty by `buildSparse`) with the leaf total
    /// minus the feature's other bins.
    static func restoreDefaultBins(_ hist: UnsafeMutablePointer<HistogramEntry>, offsets: [Int], defaultBins: [Int],
                                   total: HistogramEntry) {
        for (f, d) in defaultBins.enumerated() {
            var rest = total
            for b in offsets[f]..<offsets[f + 1] { rest -= hist[b] }
            hist[d] = rest + hist[d]
        }
    }

    /// `larger = parent - smaller`, bin by bin, written over the parent (histogram subtraction).
    @inline(__always)
    static func subtract(_ smaller: UnsafePointer<HistogramEntry>, from parent: UnsafeMutablePointer<HistogramEntry>,
                         count: Int) {
        for b in 0..<count { parent[b] -= smaller[b] }
    }

    /// The plain construction, straight from the definition: the oracle of `buildSparse`
    /// followed by `restoreDefaultBins`.
    static func buildPlain(dataset: BinnedDataset, rows: [Int32], gradients: [SIMD2<Float>],
                           layout: HistogramLayout) -> [HistogramEntry] {
        var hist = [HistogramEntry](repeating: .zero, count: layout.totalBins)
        for f in 0..<dataset.featureCount {
            for r in rows {
                let gh = gradients[Int(r)]
                hist[layout.offsets[f] + dataset.bin(row: Int(r), feature: f)]
                    += HistogramEntry(Double(gh.x), Double(gh.y), 1, 0)
            }
        }
        return hist
    }
}
