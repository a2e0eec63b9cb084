import AccidentML
import Foundation

/// Section 5: logistic batch inference against the memory-bandwidth bound. A logistic model
/// reads each feature once (a GEMV over the column-major matrix), so a large batch can go no
/// faster than bandwidth / (features × 4 bytes) rows per second.
enum BandwidthBenchmark {
    /// Size of the array the bandwidth is measured on: far beyond any cache.
    static let bandwidthBytes = 256 << 20
    /// Passes are cheap (tens of milliseconds): at least this many per figure.
    static let minimumPasses = 10

    static func run(_ run: BenchRun) throws(BenchError) -> SectionResult {
        let s = run.settings
        let data: Dataset
        if let real = try run.realData() { data = real } else { data = try run.syntheticLinear() }
        let standardizer = Standardizer(fittedOn: data.train.features)
        var train = data.train
        train.features = standardizer.apply(train.features)
        let model: LogisticModel
        do {
            model = try LogisticRegression(c: LogisticBenchmark.c, tolerance: LogisticBenchmark.tolerance,
                                           maxIterations: LogisticBenchmark.maxIterations,
                                           threads: s.threads.max()!).fit(train).model
        } catch {
            throw .library(section: "bandwidth", detail: "training the logistic model failed: \(error.description)")
        }
        let rows = s.bandwidthRows, n = data.rowCount
        let batch = standardizer.apply(data.data.features).selecting(rows: (0..<rows).map { $0 % n })
        let bytesPerRow = Double(batch.columnCount * MemoryLayout<Float>.stride)

        var table = TextTable(title: "Logistic batch inference against the read-bandwidth bound",
                              header: ["Threads", "Read bandwidth (GB/s)", "Bytes/row", "Bound (rows/s)",
                                       "Achieved (rows/s)", "Fraction of bound", "Load before→after"], rows: [])
        var figures: [Figure] = []
        let passes = max(minimumPasses, s.repeats)
        for threads in s.threads {
            Progress.say("bandwidth: \(threads) thread(s), \(passes) passes")
            let bandwidth = MemoryBandwidth.measure(bytes: bandwidthBytes, threads: threads, repeats: passes)
            let achieved = Stopwatch.measure("AccidentML LogisticModel", repeats: passes) {
                _ = model.predictProbabilities(batch, threads: threads)
            }.converted { $0.reciprocal(times: Double(rows)) }
            let bound = bandwidth.summary.median * 1e9 / bytesPerRow
            table.rows.append(["\(threads)", Format.summary(bandwidth.summary), Format.number(bytesPerRow),
                               Format.number(bound), Format.summary(achieved.summary),
                               String(format: "%.0f%% (%.0f–%.0f%%)", 100 * achieved.summary.median / bound,
                                      100 * achieved.summary.min / bound, 100 * achieved.summary.max / bound),
                               "\(Format.load(bandwidth.loadBefore))→\(Format.load(achieved.loadAfter))"])
            figures.append(Figure(label: "read bandwidth (GB/s)", threads: "\(threads)", unit: "GB/s", better: .higher,
                                  ours: bandwidth, peer: nil))
            figures.append(Figure(label: "logistic predict, batch \(Format.count(rows))", threads: "\(threads)",
                                  unit: "rows/s", better: .higher, ours: achieved, peer: nil))
        }
        return SectionResult(
            section: .bandwidth, title: "Logistic batch inference vs memory bandwidth",
            notes: [
                "Bandwidth: \(bandwidthBytes >> 20) MiB of Float summed with four SIMD16 accumulators per thread, "
                    + "the array split among the threads; \(passes) passes after a warm-up pass.",
                "Inference: `LogisticModel.predictProbabilities` on \(Format.count(rows)) rows × \(batch.columnCount) "
                    + "features (\(data.name), tiled, standardised; \(Format.number(Double(rows) * bytesPerRow / 1e6)) MB), "
                    + "one GEMV for the logits then the SIMD sigmoid; bytes/row counts the features read "
                    + "(features × 4 bytes), not the logits and probabilities written (12 bytes/row more).",
                "The bound is the median bandwidth of the same thread count divided by bytes/row; the inference "
                    + "is timed over \(passes) calls after a warm-up call.",
            ],
            figures: figures, tables: [table], showsFigureTable: false)
    }
}
