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
    mutating func split(leaf: Int, into newLeaf: Int, column: UnsafePointer<UInt8>, goesLeft: [Bool]) {
        let start = begin[leaf], n = count[leaf]
        var kept = 0, moved = 0
        indices.withUnsafeMutableBufferPointer { idx in
            spill.withUnsafeMutableBufferPointer { out in
                goesLeft.withUnsafeBufferPointer { table in
                    // Branch-free: every row is written to both sides, and only the side it
                    // belongs to advances (a branch here mispredicts half the time).
                    for i in start..<(start + n) {
                        let r = idx[i]
                        let left = table[Int(column[Int(r)])] ? 1 : 0
                        idx[start + kept] = r
                        out[moved] = r
                        kept += left
                        moved += 1 - left
                    }
                    for j in 0..<moved { idx[start + kept + j] = out[j] }
                }
            }
        }
        count[leaf] = kept
        begin[newLeaf] = start + kept
        count[newLeaf] = moved
    }

    /// The rows of one leaf.
    func withRows<R>(of leaf: Int, _ body: (UnsafeBufferPointer<Int32>) -> R) -> R {
        indices.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[begin[leaf]..<(begin[leaf] + count[leaf])]))
        }
    }
}
