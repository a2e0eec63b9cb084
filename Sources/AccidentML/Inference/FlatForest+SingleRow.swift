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
            link.probabilities(scores: scores.baseAddress!, scoreColumns: scoreColumns, into: out.baseAddress!)
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

    /// Walks the trees eight at a time, their walks interleaved in registers, and adds their
    /// leaf values in tree order.
    @inline(__always)
    private func walkTrees(row x: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>,
                           step: (UnsafeRawPointer, Int32, UnsafePointer<Float>) -> Int32) {
        let columns = scoreColumns
        nodes.withUnsafeBufferPointer { nd in
            roots.withUnsafeBufferPointer { roots in
                let nodes = UnsafeRawPointer(nd.baseAddress!)
                var t = 0, g = 0
                while t + Self.treeGroup <= roots.count {
                    var i0 = roots[t], i1 = roots[t + 1], i2 = roots[t + 2], i3 = roots[t + 3]
                    var i4 = roots[t + 4], i5 = roots[t + 5], i6 = roots[t + 6], i7 = roots[t + 7]
                    for _ in 0..<groupDepths[g] {
                        i0 = step(nodes, i0, x); i1 = step(nodes, i1, x)
                        i2 = step(nodes, i2, x); i3 = step(nodes, i3, x)
                        i4 = step(nodes, i4, x); i5 = step(nodes, i5, x)
                        i6 = step(nodes, i6, x); i7 = step(nodes, i7, x)
                    }
                    scores[t % columns] += Self.leafValue(nodes, i0)
                    scores[(t + 1) % columns] += Self.leafValue(nodes, i1)
                    scores[(t + 2) % columns] += Self.leafValue(nodes, i2)
                    scores[(t + 3) % columns] += Self.leafValue(nodes, i3)
                    scores[(t + 4) % columns] += Self.leafValue(nodes, i4)
                    scores[(t + 5) % columns] += Self.leafValue(nodes, i5)
                    scores[(t + 6) % columns] += Self.leafValue(nodes, i6)
                    scores[(t + 7) % columns] += Self.leafValue(nodes, i7)
                    t += Self.treeGroup
                    g += 1
                }
                while t < roots.count {
                    var i = roots[t]
                    for _ in 0..<depths[t] { i = step(nodes, i, x) }
                    scores[t % columns] += Self.leafValue(nodes, i)
                    t += 1
                }
            }
        }
    }
}
