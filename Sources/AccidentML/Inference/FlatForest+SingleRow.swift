/// Single-row prediction without allocation: trees are walked `treeGroup` at a time in
/// lockstep so that their independent walks overlap; leaf values are added in tree order,
/// exactly as the batch path does, so both give the same probabilities bit for bit.
extension FlatForest {
    /// Class probabilities of one row (`featureCount` values) into `out` (`classCount` values).
    func predictProbabilities(row: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        precondition(row.count == featureCount, "the model expects \(featureCount) features, got \(row.count)")
        precondition(out.count == classCount, "the output holds \(out.count) values, expected \(classCount)")
        withUnsafeTemporaryAllocation(of: Float.self, capacity: scoreColumns) { scores in
            accumulateScores(row: row.baseAddress!, into: scores.baseAddress!)
            ScoreLink.probabilities(scores: scores.baseAddress!, scoreColumns: scoreColumns, into: out.baseAddress!)
        }
    }

    /// Raw scores of one row into `scores` (`scoreColumns` values).
    func accumulateScores(row x: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>) {
        for k in 0..<scoreColumns { scores[k] = initScores[k] }
        if Self.containsNaN(x, count: featureCount) {
            walkTrees(row: x, into: scores, step: Self.step)
        } else {
            walkTrees(row: x, into: scores, step: Self.stepNoMissing)
        }
    }

    @inline(__always)
    private func walkTrees(row x: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>,
                           step: (UnsafeRawPointer, Int32, UnsafePointer<Float>) -> Int32) {
        let columns = scoreColumns, group = Self.treeGroup
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: group) { idxBuf in
            let idx = idxBuf.baseAddress!
            nodes.withUnsafeBufferPointer { nd in
                let nodes = UnsafeRawPointer(nd.baseAddress!)
                var t = 0, g = 0
                while t < roots.count {
                    let m = min(group, roots.count - t)
                    for j in 0..<m { idx[j] = roots[t + j] }
                    for _ in 0..<groupDepths[g] {
                        for j in 0..<m { idx[j] = step(nodes, idx[j], x) }
                    }
                    for j in 0..<m { scores[(t + j) % columns] += Self.leafValue(nodes, idx[j]) }
                    t += m
                    g += 1
                }
            }
        }
    }
}
