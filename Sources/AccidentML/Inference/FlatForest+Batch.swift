/// Batch prediction: rows go by blocks of `blockRows`. With a `BlockedForest` (most models) a
/// block is quantised to threshold ranks and every node applied to 16 rows at once; else, and
/// as its oracle, the rows are copied row-major and every tree is walked for all rows of the
/// block at once, one level at a time, so that the walks of different rows overlap in the
/// pipeline instead of waiting on each other's branches.
extension FlatForest {
    /// Rows per block.
    static let blockRows = 64

    /// Class probabilities of every row of `x`, row-major; blocks are shared among at most
    /// `threads` workers, each with scratch allocated once per call. Uses the blocked layout
    /// when the model has one (bit-identical results), else the walk.
    func predictProbabilities(_ x: FeatureMatrix<Float>, threads: Int) -> [Float] {
        guard let blocked else { return predictProbabilitiesByWalk(x, threads: threads) }
        return predictByBlocks(x, threads: threads, scratchBytes: blocked.scratchBytes) { columns, n, start, m, scratch, scores in
            blocked.accumulateScores(columns: columns, rowCount: n, start: start, count: m, scratch: scratch, into: scores)
        }
    }

    /// Class probabilities of every row by walking the trees for rows copied row-major: the
    /// path of models without a blocked layout, and the oracle of the blocked one.
    func predictProbabilitiesByWalk(_ x: FeatureMatrix<Float>, threads: Int) -> [Float] {
        let f = featureCount
        return predictByBlocks(x, threads: threads, scratchBytes: Self.blockRows * f * MemoryLayout<Float>.stride) {
            columns, n, start, m, scratch, scores in
            let rows = scratch.bindMemory(to: Float.self, capacity: Self.blockRows * f)
            for c in 0..<f {
                let column = columns + c * n + start
                for r in 0..<m { rows[r * f + c] = column[r] }
            }
            accumulateScores(rows: rows, count: m, into: scores)
        }
    }

    /// Class probabilities of every row of `x`: blocks of `blockRows` rows shared among at most
    /// `threads` workers, `blockScores(columns, rowCount, start, count, scratch, scores)` writing
    /// a block's raw scores (row-major) with `scratchBytes` of 64-aligned scratch of its worker's own.
    private func predictByBlocks(
        _ x: FeatureMatrix<Float>, threads: Int, scratchBytes: Int,
        _ blockScores: (UnsafePointer<Float>, Int, Int, Int, UnsafeMutableRawPointer, UnsafeMutablePointer<Float>) -> Void
    ) -> [Float] {
        precondition(x.columnCount == featureCount, "the model expects \(featureCount) features, got \(x.columnCount)")
        precondition(Self.blockRows == BlockedForest.blockRows, "both layouts take blocks of the same size")
        let n = x.rowCount, b = Self.blockRows
        let blocks = (n + b - 1) / b
        let workers = max(1, min(threads, blocks))
        var out = [Float](repeating: 0, count: n * classCount)
        let stride = (scratchBytes + 63) / 64 * 64
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: max(64, workers * stride), alignment: 64)
        scratch.initializeMemory(as: UInt8.self, repeating: 0, count: max(64, workers * stride))
        defer { scratch.deallocate() }
        var scratchScores = [Float](repeating: 0, count: workers * b * scoreColumns)
        x.storage.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                scratchScores.withUnsafeMutableBufferPointer { scoresBuf in
                    ParallelWork.forEach(count: blocks, workers: workers) { block, worker in
                        let start = block * b, m = min(b, n - start)
                        let scores = scoresBuf.baseAddress! + worker * b * scoreColumns
                        blockScores(src.baseAddress!, n, start, m, scratch + worker * stride, scores)
                        for r in 0..<m {
                            link.probabilities(scores: scores + r * scoreColumns, scoreColumns: scoreColumns,
                                               into: dst.baseAddress! + (start + r) * classCount)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Raw scores of `count` rows stored row-major in `rows` (stride `featureCount`), written
    /// to `scores` (stride `scoreColumns`).
    func accumulateScores(rows: UnsafePointer<Float>, count m: Int, into scores: UnsafeMutablePointer<Float>) {
        let columns = scoreColumns
        for r in 0..<m {
            for k in 0..<columns { scores[r * columns + k] = initScores[k] }
        }
        if Self.containsNaN(rows, count: m * featureCount) {
            walkTrees(rows: rows, count: m, into: scores, step: Self.step)
        } else {
            walkTrees(rows: rows, count: m, into: scores, step: Self.stepNoMissing)
        }
    }

    /// Walks every tree for the rows eight at a time, their walks interleaved in registers,
    /// and adds the leaf values to the scores.
    @inline(__always)
    private func walkTrees(rows: UnsafePointer<Float>, count m: Int, into scores: UnsafeMutablePointer<Float>,
                           step: (UnsafeRawPointer, Int32, UnsafePointer<Float>) -> Int32) {
        let f = featureCount, columns = scoreColumns
        nodes.withUnsafeBufferPointer { nd in
            let nodes = UnsafeRawPointer(nd.baseAddress!)
            for t in 0..<roots.count {
                let root = roots[t], depth = depths[t], column = t % columns
                var r = 0
                while r + 8 <= m {
                    let x = rows + r * f
                    var i0 = root, i1 = root, i2 = root, i3 = root, i4 = root, i5 = root, i6 = root, i7 = root
                    for _ in 0..<depth {
                        i0 = step(nodes, i0, x)
                        i1 = step(nodes, i1, x + f)
                        i2 = step(nodes, i2, x + 2 * f)
                        i3 = step(nodes, i3, x + 3 * f)
                        i4 = step(nodes, i4, x + 4 * f)
                        i5 = step(nodes, i5, x + 5 * f)
                        i6 = step(nodes, i6, x + 6 * f)
                        i7 = step(nodes, i7, x + 7 * f)
                    }
                    let s = scores + r * columns + column
                    s[0] += Self.leafValue(nodes, i0)
                    s[columns] += Self.leafValue(nodes, i1)
                    s[2 * columns] += Self.leafValue(nodes, i2)
                    s[3 * columns] += Self.leafValue(nodes, i3)
                    s[4 * columns] += Self.leafValue(nodes, i4)
                    s[5 * columns] += Self.leafValue(nodes, i5)
                    s[6 * columns] += Self.leafValue(nodes, i6)
                    s[7 * columns] += Self.leafValue(nodes, i7)
                    r += 8
                }
                while r < m {
                    var i = root
                    for _ in 0..<depth { i = step(nodes, i, rows + r * f) }
                    scores[r * columns + column] += Self.leafValue(nodes, i)
                    r += 1
                }
            }
        }
    }
}
