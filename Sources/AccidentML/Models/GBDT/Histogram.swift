/// One histogram bin: (sum of gradients, sum of hessians, row count, unused), summed in
/// Double as LightGBM does, in one SIMD vector so that adding a row is one vector add.
typealias HistogramEntry = SIMD4<Double>

/// A row's (gradient, hessian, 1, 0) in Float, gathered in leaf order before histogram building.
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

    /// Sums `ordered[i]` into the bin of row `rows[i]` for each of `features`, reading the
    /// row-major bins `rowBins` (`featureCount` bytes per row), LightGBM's row-wise layout:
    /// a row's gradient is loaded once and its features hit different histograms, so equal
    /// bins in consecutive rows do not serialise the loop. Rows are summed into the Float
    /// `scratch` (laid out like `hist`) by blocks of `floatBlockRows`, each flushed into
    /// `hist`: a 16-byte add per row and feature instead of 32, with Double totals.
    static func buildRowWise(rowBins: UnsafePointer<UInt8>, featureCount: Int, rows: UnsafeBufferPointer<Int32>,
                             ordered: UnsafeBufferPointer<GradientEntry>, features: UnsafeBufferPointer<Int>,
                             offsets: UnsafePointer<Int>, into hist: UnsafeMutablePointer<HistogramEntry>,
                             scratch: UnsafeMutablePointer<GradientEntry>) {
        for f in features { (hist + offsets[f]).update(repeating: .zero, count: offsets[f + 1] - offsets[f]) }
        guard let r = rows.baseAddress, let g = ordered.baseAddress, let feats = features.baseAddress else { return }
        let m = features.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: m) { base in
            for j in 0..<m { base[j] = offsets[feats[j]] }
            var start = 0
            while start < rows.count {
                let end = min(start + floatBlockRows, rows.count)
                for f in features { (scratch + offsets[f]).update(repeating: .zero, count: offsets[f + 1] - offsets[f]) }
                for i in start..<end {
                    let e = g[i]
                    let row = rowBins + Int(r[i]) &* featureCount
                    for j in 0..<m { scratch[base[j] &+ Int(row[feats[j]])] += e }
                }
                for f in features {
                    for b in offsets[f]..<offsets[f + 1] { hist[b] += HistogramEntry(scratch[b]) }
                }
                start = end
            }
        }
    }

    /// `larger = parent - smaller`, bin by bin, written over the parent (histogram subtraction).
    @inline(__always)
    static func subtract(_ smaller: UnsafePointer<HistogramEntry>, from parent: UnsafeMutablePointer<HistogramEntry>,
                         count: Int) {
        for b in 0..<count { parent[b] -= smaller[b] }
    }

    /// The plain construction, straight from the definition: the oracle of `build`.
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
