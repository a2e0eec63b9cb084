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
        let columns = scoreColumns, group = Self.treeGroup
        for k in 0..<columns { scores[k] = initScores[k] }
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: group) { idxBuf in
            let idx = idxBuf.baseAddress!
            nodes.withUnsafeBufferPointer { nd in
                let nodes = nd.baseAddress!
                var t = 0, g = 0
                while t < roots.count {
                    let m = min(group, roots.count - t)
                    for j in 0..<m { idx[j] = roots[t + j] }
                    for _ in 0..<groupDepths[g] {
                        for j in 0..<m { idx[j] = Self.step(nodes[Int(idx[j])], x) }
                    }
                    for j in 0..<m { scores[(t + j) % columns] += nodes[Int(idx[j])].threshold }
                    t += m
                    g += 1
                }
            }
        }
    }
}
