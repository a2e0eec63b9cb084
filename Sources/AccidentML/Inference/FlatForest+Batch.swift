/// Batch prediction: rows go by blocks of `blockRows`, copied row-major, and every tree is
/// walked for all rows of a block at once, one level at a time, so that the walks of
/// different rows overlap in the pipeline instead of waiting on each other's branches.
extension FlatForest {
    /// Rows per block.
    static let blockRows = 64

    /// Class probabilities of every row of `x`, row-major; blocks are shared among at most
    /// `threads` workers, each with scratch allocated once per call.
    func predictProbabilities(_ x: FeatureMatrix<Float>, threads: Int) -> [Float] {
        precondition(x.columnCount == featureCount, "the model expects \(featureCount) features, got \(x.columnCount)")
        let n = x.rowCount, f = featureCount, b = Self.blockRows
        let blocks = (n + b - 1) / b
        let workers = max(1, min(threads, blocks))
        var out = [Float](repeating: 0, count: n * classCount)
        var scratchRows = [Float](repeating: 0, count: workers * b * f)
        var scratchScores = [Float](repeating: 0, count: workers * b * scoreColumns)
        var scratchIndices = [Int32](repeating: 0, count: workers * b)
        x.storage.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                scratchRows.withUnsafeMutableBufferPointer { rowsBuf in
                    scratchScores.withUnsafeMutableBufferPointer { scoresBuf in
                        scratchIndices.withUnsafeMutableBufferPointer { idxBuf in
                            ParallelWork.forEach(count: blocks, workers: workers) { block, worker in
                                let start = block * b, m = min(b, n - start)
                                let rows = rowsBuf.baseAddress! + worker * b * f
                                let scores = scoresBuf.baseAddress! + worker * b * scoreColumns
                                for c in 0..<f {
                                    let column = src.baseAddress! + c * n + start
                                    for r in 0..<m { rows[r * f + c] = column[r] }
                                }
                                accumulateScores(rows: rows, count: m, into: scores,
                                                 indices: idxBuf.baseAddress! + worker * b)
                                for r in 0..<m {
                                    ScoreLink.probabilities(scores: scores + r * scoreColumns, scoreColumns: scoreColumns,
                                                            into: dst.baseAddress! + (start + r) * classCount)
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Raw scores of `count` rows stored row-major in `rows` (stride `featureCount`), written
    /// to `scores` (stride `scoreColumns`); `indices` holds `count` node indices of scratch.
    func accumulateScores(rows: UnsafePointer<Float>, count m: Int, into scores: UnsafeMutablePointer<Float>,
                          indices idx: UnsafeMutablePointer<Int32>) {
        let f = featureCount, columns = scoreColumns
        for r in 0..<m {
            for k in 0..<columns { scores[r * columns + k] = initScores[k] }
        }
        nodes.withUnsafeBufferPointer { nd in
            let nodes = nd.baseAddress!
            for t in 0..<roots.count {
                let root = roots[t], column = t % columns
                for r in 0..<m { idx[r] = root }
                for _ in 0..<depths[t] {
                    for r in 0..<m { idx[r] = Self.step(nodes[Int(idx[r])], rows + r * f) }
                }
                for r in 0..<m { scores[r * columns + column] += nodes[Int(idx[r])].threshold }
            }
        }
    }
}
