/// A feature matrix X stored as one baseline value per column plus the entries that differ from
/// it, row-wise (CSR), for products with X that cost in proportion to those entries:
///
///     X = 1 bᵀ + D,   X w = (b·w) 1 + D w,   Xᵀ r = b (Σᵢ rᵢ) + Dᵀ r
///
/// One-hot encoded data is mostly its columns' "off" value: 0 raw, or the column's constant
/// -mean / scale once standardised; either way D has a few entries per row.
///
/// Column j's baseline is the value held by more than half its rows when there is one (a
/// Boyer–Moore vote, then a count), else 0 (D then holds the values themselves, exactly). A
/// deviation is `x - b` rounded to `Scalar` once; entries equal to their baseline are left out.
struct SparseDesign<Scalar: BLASScalar> {
    let rowCount: Int
    let columnCount: Int
    /// b: one value per column.
    let baselines: [Scalar]
    /// Row r's deviations are at `rowStarts[r]..<rowStarts[r + 1]` of the two arrays below.
    let rowStarts: [Int]
    /// The column of each deviation, ascending within a row.
    let columnIndices: [Int32]
    /// The deviations x - b.
    let deviations: [Scalar]

    /// Stored deviations per entry of X.
    var density: Double { rowCount * columnCount == 0 ? 0 : Double(deviations.count) / Double(rowCount * columnCount) }

    /// The density above which the dense BLAS path is faster. Per entry the dense path streams
    /// X twice per evaluation through vectorised BLAS (8 bytes of a Float matrix); per deviation
    /// the sparse pass reads 8 bytes (value and column) and gathers and scatters the k
    /// coefficients with scalar loads the compiler cannot vectorise, a few times the work per
    /// byte, so the sparse path wins below a density of a few tenths. A quarter keeps it ahead
    /// where it is chosen while one-hot data (a handful of entries per row off baseline out of
    /// hundreds of columns) lies well below it; the real baac2021 numeric set (28 columns, 59%
    /// off their majority value) stays dense. The per-row loss (exp, log) costs the same on both
    /// paths and bounds the gain on narrow one-hot sets.
    static var defaultDensityLimit: Double { 0.25 }

    /// Builds the sparse form of `x` when at most `densityLimit` of its entries differ from their
    /// column's baseline, else returns nil. O(n p) in contiguous passes over row blocks of
    /// `blockRows`, on up to `threads` workers; the result does not depend on `threads`.
    init?(_ x: FeatureMatrix<Scalar>, densityLimit: Double, threads: Int, blockRows: Int = 4096) {
        precondition(threads >= 1 && blockRows >= 1, "threads and block rows must be positive")
        precondition(x.columnCount <= Int(Int32.max), "too many columns for 32-bit column indices")
        let n = x.rowCount, p = x.columnCount
        let (baselines, offCounts) = Self.baselines(of: x, threads: threads)
        // Decided before any row-wise pass: dense data costs two reads of each column, no more.
        let total = offCounts.reduce(0, +)
        guard n * p > 0, Double(total) <= densityLimit * Double(n * p) else { return nil }
        let rowStarts = Self.rowStarts(of: x, baselines: baselines, threads: threads, blockRows: blockRows)
        precondition(rowStarts[n] == total, "row and column counts of the deviations disagree")
        let (columnIndices, deviations) = Self.deviations(of: x, baselines: baselines, rowStarts: rowStarts,
                                                          threads: threads, blockRows: blockRows)
        self.rowCount = n
        self.columnCount = p
        self.baselines = baselines
        self.rowStarts = rowStarts
        self.columnIndices = columnIndices
        self.deviations = deviations
    }

    /// The value held by more than half the column's entries, else 0, and how many entries differ from it.
    static func baseline(of column: UnsafeBufferPointer<Scalar>) -> (value: Scalar, offCount: Int) {
        var candidate: Scalar = 0, votes = 0
        for v in column {
            if votes == 0 {
                candidate = v
                votes = 1
            } else {
                votes += v == candidate ? 1 : -1
            }
        }
        var candidates = 0, zeros = 0
        for v in column {
            if v == candidate { candidates += 1 }
            if v == 0 { zeros += 1 }
        }
        return 2 * candidates > column.count ? (candidate, column.count - candidates) : (0, column.count - zeros)
    }
}
