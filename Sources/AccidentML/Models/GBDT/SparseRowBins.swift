/// The bins again, row by row, without each feature's most frequent bin (LightGBM's sparse
/// multi-value bin): row `r` holds the global histogram indices (`layout.offsets[f] + bin`)
/// of its features whose bin is not that feature's default bin, in feature order.
///
/// Histogram construction adds a row's gradient only at these indices; the default bin of
/// every feature is restored afterwards as the leaf total minus the other bins
/// (`HistogramKernels.restoreDefaultBins`). On accident data, where most features sit on
/// one value (no pedestrian, daylight, no obstacle...), this halves the work per row.
/// `Index` is `UInt16` when the histogram has at most 65,536 bins (every realistic case),
/// `UInt32` beyond.
struct SparseRowBins<Index: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    /// Row `r`'s indices are `entries[rowStart[r] ..< rowStart[r + 1]]`.
    let rowStart: [UInt32]
    /// Global histogram indices, row after row, then one padding 0 (the histogram kernel
    /// reads the first and last entry of every row, empty rows included).
    let entries: [Index]
    /// Global index of each feature's skipped (most frequent) bin.
    let defaultBins: [Int]

    /// Whether `Index` can address every bin of a layout.
    static func fits(_ layout: HistogramLayout) -> Bool { UInt64(layout.totalBins) - 1 <= UInt64(Index.max) }

    init(_ dataset: BinnedDataset, layout: HistogramLayout) {
        precondition(Self.fits(layout), "\(layout.totalBins) histogram bins exceed \(Index.self) indices")
        let n = dataset.rowCount, d = dataset.featureCount
        var defaults = [Int](repeating: 0, count: d), defaultLocal = [UInt8](repeating: 0, count: d)
        var rowStart = [UInt32](repeating: 0, count: n + 1)
        dataset.bins.withUnsafeBufferPointer { bins in
            for f in 0..<d {
                var counts = [Int](repeating: 0, count: 256)
                for r in 0..<n { counts[Int(bins[f * n + r])] += 1 }
                let mode = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
                defaultLocal[f] = UInt8(mode)
                defaults[f] = layout.offsets[f] + mode
            }
            rowStart.withUnsafeMutableBufferPointer { start in
                for f in 0..<d {
                    let column = bins.baseAddress! + f * n, skip = defaultLocal[f]
                    for r in 0..<n where column[r] != skip { start[r + 1] += 1 }
                }
                for r in 0..<n { start[r + 1] += start[r] }
            }
        }
        precondition(Int(rowStart[n]) < Int(UInt32.max), "too many stored bins for UInt32 row starts")
        var entries = [Index](repeating: 0, count: Int(rowStart[n]) + 1)
        entries.withUnsafeMutableBufferPointer { out in
            dataset.bins.withUnsafeBufferPointer { bins in
                var next = rowStart.dropLast().map { Int($0) }
                for f in 0..<d {
                    let column = bins.baseAddress! + f * n, skip = defaultLocal[f], base = layout.offsets[f]
                    for r in 0..<n where column[r] != skip {
                        out[next[r]] = Index(truncatingIfNeeded: base + Int(column[r]))
                        next[r] += 1
                    }
                }
            }
        }
        self.rowStart = rowStart
        self.entries = entries
        self.defaultBins = defaults
    }
}

extension SparseRowBins {
    /// Builds the histogram of `rows` into `hist` (`HistogramKernels.buildSparse`) and returns
    /// their total (gradient, hessian, count).
    func buildHistogram(rows: UnsafeBufferPointer<Int32>, gradients: UnsafePointer<SIMD2<Float>>, binCount: Int,
                        into hist: UnsafeMutablePointer<HistogramEntry>,
                        scratch: UnsafeMutablePointer<GradientEntry>) -> HistogramEntry {
        rowStart.withUnsafeBufferPointer { start in
            entries.withUnsafeBufferPointer { entries in
                HistogramKernels.buildSparse(rowStart: start, entries: entries, rows: rows,
                                             gradients: gradients, binCount: binCount, into: hist, scratch: scratch)
            }
        }
    }
}
