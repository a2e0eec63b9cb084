/// The rows of every leaf of the tree being grown, as contiguous ranges of one index array
/// (LightGBM's `DataPartition`); each range stays in increasing row order.
struct DataPartition: Sendable {
    private(set) var indices: [Int32]
    private var spill: [Int32]
    private(set) var begin: [Int]
    private(set) var count: [Int]

    init(capacity: Int, maxLeaves: Int) {
        indices = [Int32](repeating: 0, count: capacity)
        spill = [Int32](repeating: 0, count: capacity)
        begin = [Int](repeating: 0, count: maxLeaves)
        count = [Int](repeating: 0, count: maxLeaves)
    }

    /// Puts the given rows (increasing), or all `rowCount` rows, in leaf 0.
    mutating func reset(rows: [Int32]?, rowCount: Int) {
        if let rows {
            for (i, r) in rows.enumerated() { indices[i] = r }
            count[0] = rows.count
        } else {
            for i in 0..<rowCount { indices[i] = Int32(i) }
            count[0] = rowCount
        }
        begin[0] = 0
    }

    /// Moves the rows of `leaf` whose `column` bin satisfies `goesLeft` first (staying in
    /// `leaf`) and the others into `newLeaf`; stable, so both ranges stay increasing.
    ///
    /// The rows are cut into `parts` contiguous parts, each partitioned by the next free worker
    /// (lefts in place, rights into the spill buffer), then the parts' lefts are packed and
    /// their rights copied after them; the result does not depend on `parts`.
    mutating func split(leaf: Int, into newLeaf: Int, column: UnsafePointer<UInt8>, goesLeft: [Bool],
                        parts: Int = 1, workers: Int = 1) {
        let start = begin[leaf], n = count[leaf]
        var kept = 0
        indices.withUnsafeMutableBufferPointer { idx in
            spill.withUnsafeMutableBufferPointer { out in
                goesLeft.withUnsafeBufferPointer { table in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: parts) { keptInPart in
                        let idx = idx.baseAddress!, out = out.baseAddress!, table = table.baseAddress!
                        ParallelWork.forEachDynamic(count: parts, workers: workers) { part, _ in
                            let lo = start + part * n / parts, hi = start + (part + 1) * n / parts
                            keptInPart[part] = Self.partition(idx + lo, count: hi - lo, spill: out + lo,
                                                              column: column, goesLeft: table)
                        }
                        // Pack: part p's lefts move down next to the previous parts' lefts
                        // (never onto rows not moved yet), then every part's rights follow.
                        for part in 0..<parts {
                            let lo = start + part * n / parts
                            (idx + start + kept).update(from: idx + lo, count: keptInPart[part])
                            kept += keptInPart[part]
                        }
                        var moved = 0
                        for part in 0..<parts {
                            let lo = start + part * n / parts, hi = start + (part + 1) * n / parts
                            let rights = hi - lo - keptInPart[part]
                            (idx + start + kept + moved).update(from: out + lo, count: rights)
                            moved += rights
                        }
                    }
                }
            }
        }
        count[leaf] = kept
        begin[newLeaf] = start + kept
        count[newLeaf] = n - kept
    }

    /// Stable partition of `count` rows: lefts packed in place, rights written to `spill`;
    /// returns the number of lefts.
    private static func partition(_ idx: UnsafeMutablePointer<Int32>, count: Int, spill: UnsafeMutablePointer<Int32>,
                                  column: UnsafePointer<UInt8>, goesLeft: UnsafePointer<Bool>) -> Int {
        var kept = 0, moved = 0
        // Branch-free: every row is written to both sides, and only the side it belongs to
        // advances (a branch here mispredicts half the time).
        for i in 0..<count {
            let r = idx[i]
            let left = goesLeft[Int(column[Int(r)])] ? 1 : 0
            idx[kept] = r
            spill[moved] = r
            kept += left
            moved += 1 - left
        }
        return kept
    }

    /// The rows of one leaf.
    func withRows<R>(of leaf: Int, _ body: (UnsafeBufferPointer<Int32>) -> R) -> R {
        indices.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[begin[leaf]..<(begin[leaf] + count[leaf])]))
        }
    }
}
