extension SparseDesign {
    /// Pass 1, column by column: each column's baseline and how many of its entries differ from it.
    static func baselines(of x: FeatureMatrix<Scalar>, threads: Int) -> (values: [Scalar], offCounts: [Int]) {
        let n = x.rowCount, p = x.columnCount
        var baselines = [Scalar](repeating: 0, count: p)
        var offCounts = [Int](repeating: 0, count: p)
        x.storage.withUnsafeBufferPointer { xs in
            baselines.withUnsafeMutableBufferPointer { bBuffer in
                offCounts.withUnsafeMutableBufferPointer { oBuffer in
                    let bs = bBuffer, offs = oBuffer
                    ParallelWork.forEachDynamic(count: p, workers: threads) { j, _ in
                        (bs[j], offs[j]) = baseline(of: UnsafeBufferPointer(rebasing: xs[(j * n)..<((j + 1) * n)]))
                    }
                }
            }
        }
        return (baselines, offCounts)
    }

    /// Pass 2, by row blocks: where each row's deviations start (`n + 1` offsets, the last the total).
    static func rowStarts(of x: FeatureMatrix<Scalar>, baselines: [Scalar], threads: Int, blockRows: Int) -> [Int] {
        let n = x.rowCount, p = x.columnCount
        var rowStarts = [Int](repeating: 0, count: n + 1)
        x.storage.withUnsafeBufferPointer { xs in
            baselines.withUnsafeBufferPointer { bs in
                // Deviations per row, in rowStarts[r + 1]; then the running sum gives the starts.
                rowStarts.withUnsafeMutableBufferPointer { sBuffer in
                    let starts = sBuffer
                    ParallelWork.forEachDynamic(count: blockCount(n, blockRows), workers: threads) { block, _ in
                        let rows = (block * blockRows)..<min(n, (block + 1) * blockRows)
                        for j in 0..<p {
                            let b = bs[j], column = xs.baseAddress! + j * n
                            for r in rows where column[r] != b { starts[r + 1] += 1 }
                        }
                    }
                }
            }
        }
        for r in 0..<n { rowStarts[r + 1] += rowStarts[r] }
        return rowStarts
    }

    /// Pass 3, by row blocks: the deviations and their columns, ascending within each row.
    static func deviations(of x: FeatureMatrix<Scalar>, baselines: [Scalar], rowStarts: [Int], threads: Int,
                           blockRows: Int) -> (columns: [Int32], values: [Scalar]) {
        let n = x.rowCount, p = x.columnCount, total = rowStarts[n]
        var columnIndices = [Int32](repeating: 0, count: total)
        var deviations = [Scalar](repeating: 0, count: total)
        columnIndices.withUnsafeMutableBufferPointer { cBuffer in
            deviations.withUnsafeMutableBufferPointer { dBuffer in
                let cs = cBuffer, ds = dBuffer
                x.storage.withUnsafeBufferPointer { xs in
                    baselines.withUnsafeBufferPointer { bs in
                        rowStarts.withUnsafeBufferPointer { starts in
                            ParallelWork.forEachDynamic(count: blockCount(n, blockRows), workers: threads) { block, _ in
                                let rows = (block * blockRows)..<min(n, (block + 1) * blockRows)
                                // Each row's next free slot; columns ascend, so rows come out sorted.
                                withUnsafeTemporaryAllocation(of: Int.self, capacity: rows.count) { next in
                                    for r in rows { next[r - rows.lowerBound] = starts[r] }
                                    for j in 0..<p {
                                        let b = bs[j], column = xs.baseAddress! + j * n
                                        for r in rows where column[r] != b {
                                            let slot = next[r - rows.lowerBound]
                                            cs[slot] = Int32(j)
                                            ds[slot] = column[r] - b
                                            next[r - rows.lowerBound] = slot + 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (columnIndices, deviations)
    }

    private static func blockCount(_ rows: Int, _ blockRows: Int) -> Int { (rows + blockRows - 1) / blockRows }
}
