import Dispatch

extension FittedEncoder {
    /// Encodes rows into a column-major matrix for a model family.
    public func transform(_ rows: JoinedRows, for family: ModelFamily) -> FeatureMatrix<Float> {
        var report = TransformReport()
        return transform(rows, for: family, report: &report)
    }

    /// Encodes rows into a column-major matrix, adding missing and unseen counts to `report`.
    ///
    /// Works feature by feature over blocks of rows (each block stays in cache while every
    /// feature writes its contiguous column slice); blocks are shared among `threads` workers.
    public func transform(_ rows: JoinedRows, for family: ModelFamily, report: inout TransformReport,
                          threads: Int = 2) -> FeatureMatrix<Float> {
        precondition(rows.unit == unit, "a \(unit) encoder cannot read \(rows.unit) rows")
        precondition(threads >= 1, "threads must be at least 1")
        let n = rows.count, d = columnCount(for: family)
        // Trees write every cell; linear columns must start at zero (see FittedFeature.encode).
        var storage = family == .linear ? [Float](repeating: 0, count: n * d)
            : [Float](unsafeUninitializedCapacity: n * d) { _, count in count = n * d }
        let blockSize = Self.blockSize
        let blockCount = (n + blockSize - 1) / blockSize
        let workers = max(1, min(threads, blockCount / Self.minimumBlocksPerWorker))
        // counts[w][2f] missing, counts[w][2f + 1] unseen, per worker: no shared mutable state.
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 2 * features.count), count: workers)
        rows.rows.withUnsafeBufferPointer { input in
            storage.withUnsafeMutableBufferPointer { output in
                counts.withUnsafeMutableBufferPointer { allCounts in
                    // Workers read shared rows and write disjoint row ranges and count arrays.
                    let shared = UncheckedSendable((input, output.baseAddress, allCounts.baseAddress!))
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        let (input, out, counts) = shared.value
                        guard let out else { return }
                        let from = blockCount * w / workers, to = blockCount * (w + 1) / workers
                        for block in from..<to {
                            let rowRange = (block * blockSize)..<min(n, (block + 1) * blockSize)
                            encodeBlock(input, rowRange, family, out, n, &counts[w])
                        }
                    }
                }
            }
        }
        report.rowCount += n
        for (f, feature) in features.enumerated() {
            report.add(feature: feature.definition.name, missing: counts.reduce(0) { $0 + $1[2 * f] },
                       unseen: counts.reduce(0) { $0 + $1[2 * f + 1] })
        }
        return FeatureMatrix(rowCount: n, columnNames: columnNames(for: family), storage: storage)
    }

    /// Rows per block: a block of rows (about 200 bytes each) stays in L1/L2 cache while
    /// every feature reads it.
    static let blockSize = 256
    /// Fewer blocks than this per worker are not worth a thread.
    static let minimumBlocksPerWorker = 16

    /// Encodes rows `range` feature by feature into the column-major `out` of `n` rows.
    ///
    /// Two simple loops per feature (read the raw values of the block, then encode them) let the
    /// compiler hoist each switch out of its loop.
    @inline(__always)
    private func encodeBlock(_ rows: UnsafeBufferPointer<FeatureRow>, _ range: Range<Int>, _ family: ModelFamily,
                             _ out: UnsafeMutablePointer<Float>, _ n: Int, _ counts: inout [Int]) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: range.count) { raw in
            for (f, feature) in features.enumerated() {
                let source = feature.definition.source
                for (i, r) in range.enumerated() { raw[i] = source.value(in: rows.baseAddress! + r) }
                let column = out + columnOffset(ofFeature: f, for: family) * n + range.lowerBound
                var missing = 0, unseen = 0
                for i in 0..<range.count {
                    switch feature.encode(raw[i], for: family, into: column + i, stride: n) {
                    case .present: break
                    case .missing: missing += 1
                    case .unseen: unseen += 1
                    }
                }
                counts[2 * f] += missing
                counts[2 * f + 1] += unseen
            }
        }
    }

    /// Encodes one row into `out` (count `columnCount(for:)`): the plain row-at-a-time path
    /// that the single-record path uses and that the batch transform is tested against.
    func encode(row: FeatureRow, for family: ModelFamily, into out: UnsafeMutableBufferPointer<Float>) {
        precondition(out.count == columnCount(for: family),
                     "buffer holds \(out.count) values, expected \(columnCount(for: family))")
        guard let base = out.baseAddress else { return }
        out.update(repeating: 0)
        withUnsafePointer(to: row) { row in
            for (f, feature) in features.enumerated() {
                _ = feature.encode(feature.definition.source.value(in: row), for: family,
                                   into: base + columnOffset(ofFeature: f, for: family), stride: 1)
            }
        }
    }
}

/// Values handed to worker threads that only read them or write disjoint parts of their memory.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
