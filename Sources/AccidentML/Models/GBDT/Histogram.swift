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
    /// Sums `ordered[i]` into the bin of row `rows[i]` of one feature column, using two
    /// interleaved partial histograms so that runs of equal bins do not serialise on
    /// store-to-load forwarding. `scratch` holds `binCount` entries.
    @inline(__always)
    static func build(column: UnsafePointer<UInt8>, rows: UnsafeBufferPointer<Int32>,
                      ordered: UnsafeBufferPointer<GradientEntry>, binCount: Int,
                      into hist: UnsafeMutablePointer<HistogramEntry>,
                      scratch: UnsafeMutablePointer<HistogramEntry>) {
        hist.update(repeating: .zero, count: binCount)
        scratch.update(repeating: .zero, count: binCount)
        let n = rows.count
        guard let r = rows.baseAddress, let g = ordered.baseAddress else { return }
        var i = 0
        while i + 1 < n {
            let b0 = Int(column[Int(r[i])]), b1 = Int(column[Int(r[i + 1])])
            hist[b0] += HistogramEntry(g[i])
            scratch[b1] += HistogramEntry(g[i + 1])
            i += 2
        }
        if i < n { hist[Int(column[Int(r[i])])] += HistogramEntry(g[i]) }
        for b in 0..<binCount { hist[b] += scratch[b] }
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
