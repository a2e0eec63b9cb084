/// Features turned into small ordered bin indices for histogram training: one `UInt8` per
/// value, column-major, with each feature's `FeatureBinMapper`.
///
/// Built once from the training matrix; the bin edges come from a seeded row sample
/// (LightGBM's `bin_construct_sample_cnt`), and every row is then binned with them.
struct BinnedDataset: Sendable {
    /// Number of rows.
    let rowCount: Int
    /// Number of features.
    var featureCount: Int { mappers.count }
    /// Bin edges of each feature.
    let mappers: [FeatureBinMapper]
    /// Column-major bins: the bin of (row r, feature f) is `bins[f * rowCount + r]`.
    let bins: [UInt8]

    /// Bins a matrix, cutting the edges on at most `parameters.binSampleCount` rows drawn with
    /// `parameters.seed`, into at most `parameters.maxBins` value bins per feature.
    init(_ x: FeatureMatrix<Float>, parameters: GBDTParameters) {
        let n = x.rowCount
        let sampleRows: [Int]
        if n <= parameters.binSampleCount {
            sampleRows = Array(0..<n)
        } else {
            var rng = SplitMix64(seed: parameters.seed ^ 0xB1B5_A3C1_E5D7_F9A2)
            var all = Array(0..<n)
            all.shuffle(using: &rng)
            sampleRows = all[..<parameters.binSampleCount].sorted()
        }
        var mappers = [FeatureBinMapper?](repeating: nil, count: x.columnCount)
        mappers.withUnsafeMutableBufferPointer { out in
            ParallelWork.forEachDynamic(count: x.columnCount, workers: parameters.threads) { f, _ in
                out[f] = x.withColumn(f) { col in
                    FeatureBinMapper(sample: sampleRows.map { col[$0] }, maxBins: parameters.maxBins,
                                     minDataInBin: parameters.minDataInBin)
                }
            }
        }
        self.init(x, mappers: mappers.map { $0! }, threads: parameters.threads)
    }

    /// Bins a matrix with given edges (a validation set reuses the training set's), one
    /// feature per worker item.
    init(_ x: FeatureMatrix<Float>, mappers: [FeatureBinMapper], threads: Int = 1) {
        precondition(x.columnCount == mappers.count, "\(x.columnCount) columns for \(mappers.count) bin mappers")
        let n = x.rowCount
        var bins = [UInt8](repeating: 0, count: n * mappers.count)
        bins.withUnsafeMutableBufferPointer { out in
            ParallelWork.forEachDynamic(count: mappers.count, workers: threads) { f, _ in
                x.withColumn(f) { col in
                    mappers[f].bins(of: col, into: UnsafeMutableBufferPointer(rebasing: out[(f * n)..<((f + 1) * n)]))
                }
            }
        }
        self.rowCount = n
        self.mappers = mappers
        self.bins = bins
    }

    /// The bin of one value (for tests and the plain reference paths).
    func bin(row: Int, feature: Int) -> Int { Int(bins[feature * rowCount + row]) }
}
