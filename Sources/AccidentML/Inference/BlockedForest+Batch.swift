/// Scores of a block of up to 64 rows: ranks per used feature, then every tree's nodes applied
/// to 16 rows per byte-SIMD step (four steps per node), then the leaf values summed per row in
/// tree order, exactly as the plain walk sums them (same Float additions, same order).
extension BlockedForest {
    /// Raw scores of rows `start..<start + m` of the column-major `x` (`n` rows a column), written
    /// row-major to `scores` (stride `scoreColumns`); `scratch` holds `scratchBytes`, 64-aligned.
    func accumulateScores(columns x: UnsafePointer<Float>, rowCount n: Int, start: Int, count m: Int,
                          scratch: UnsafeMutableRawPointer, into scores: UnsafeMutablePointer<Float>) {
        precondition(m >= 0 && m <= Self.blockRows && start >= 0 && start + m <= n, "block out of range")
        precondition(Int(bitPattern: scratch) % 64 == 0, "scratch must be 64-byte aligned")
        let ids = scratch + planeCount * Self.blockRows
        quantise(columns: x, rowCount: n, start: start, count: m, into: scratch)
        walkTrees(planes: UnsafeRawPointer(scratch), into: ids)
        sumLeaves(ids: UnsafeRawPointer(ids), count: m, into: scores)
    }

    /// Writes the two rank planes of every used feature for the block's rows (rows past `m`
    /// get rank 0: their results are never read).
    private func quantise(columns x: UnsafePointer<Float>, rowCount n: Int, start: Int, count m: Int,
                          into planes: UnsafeMutableRawPointer) {
        let b = Self.blockRows
        tables.withUnsafeBufferPointer { tables in
            for u in 0..<columns.count {
                let column = x + Int(columns[u]) * n + start
                let table = tables.baseAddress! + Int(tableStarts[u]), steps = Int(searchSteps[u])
                let nanLeft = (planes + 2 * u * b).assumingMemoryBound(to: Int8.self), nanRight = nanLeft + b
                /// Writes row `r`'s rank `rank` to both planes (NaN at 255 in the right one).
                func store(_ r: Int, _ rank: Int) {
                    nanLeft[r] = Self.biased(rank)
                    nanRight[r] = column[r].isNaN ? Self.biased(255) : Self.biased(rank)
                }
                // Eight searches in lockstep: each is a chain of dependent loads, eight chains overlap.
                var r = 0
                while r + 8 <= m {
                    let x = column + r
                    var r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0, k = steps
                    while k > 0 {
                        k -= 1
                        let half = 1 << k, probe = table + (half - 1)
                        r0 &+= probe[r0] < x[0] ? half : 0
                        r1 &+= probe[r1] < x[1] ? half : 0
                        r2 &+= probe[r2] < x[2] ? half : 0
                        r3 &+= probe[r3] < x[3] ? half : 0
                        r4 &+= probe[r4] < x[4] ? half : 0
                        r5 &+= probe[r5] < x[5] ? half : 0
                        r6 &+= probe[r6] < x[6] ? half : 0
                        r7 &+= probe[r7] < x[7] ? half : 0
                    }
                    store(r, r0); store(r + 1, r1); store(r + 2, r2); store(r + 3, r3)
                    store(r + 4, r4); store(r + 5, r5); store(r + 6, r6); store(r + 7, r7)
                    r += 8
                }
                while r < m {
                    store(r, Self.rank(column[r], table: table, steps: steps))
                    r += 1
                }
                for r in m..<b {
                    nanLeft[r] = Self.biased(0)
                    nanRight[r] = Self.biased(0)
                }
            }
        }
    }

    /// Applies every tree's nodes to the 64 rows' positions and stores each tree's final
    /// positions (in-order leaf indices) as 64 bytes at `ids + 64 t`.
    private func walkTrees(planes: UnsafeRawPointer, into ids: UnsafeMutableRawPointer) {
        nodes.withUnsafeBufferPointer { nodes in
            nodeEnds.withUnsafeBufferPointer { ends in
                var k = 0
                for t in 0..<ends.count {
                    var p0 = SIMD16<Int8>(), p1 = p0, p2 = p0, p3 = p0
                    let end = Int(ends[t])
                    while k < end {
                        let node = nodes[k], ranks = planes + Int(node.plane)
                        p0 &+= Self.move(p0, ranks.load(as: SIMD16<Int8>.self), node)
                        p1 &+= Self.move(p1, ranks.load(fromByteOffset: 16, as: SIMD16<Int8>.self), node)
                        p2 &+= Self.move(p2, ranks.load(fromByteOffset: 32, as: SIMD16<Int8>.self), node)
                        p3 &+= Self.move(p3, ranks.load(fromByteOffset: 48, as: SIMD16<Int8>.self), node)
                        k += 1
                    }
                    let out = ids + t * Self.blockRows
                    out.storeBytes(of: p0, as: SIMD16<Int8>.self)
                    out.storeBytes(of: p1, toByteOffset: 16, as: SIMD16<Int8>.self)
                    out.storeBytes(of: p2, toByteOffset: 32, as: SIMD16<Int8>.self)
                    out.storeBytes(of: p3, toByteOffset: 48, as: SIMD16<Int8>.self)
                }
            }
        }
    }

    /// How far `node` moves 16 positions `p` whose rows have `ranks`: `delta` for a row that is
    /// at the node and goes right, 0 otherwise (bitwise, without a per-lane select).
    @inline(__always)
    private static func move(_ p: SIMD16<Int8>, _ ranks: SIMD16<Int8>, _ node: BlockedNode) -> SIMD16<Int8> {
        ((p .== node.start) .& (ranks .> node.threshold))._storage & node.delta
    }

    /// Sums, for each of the `m` rows, its init score and its leaf value of every tree in tree
    /// order into `scores` (row-major, stride `scoreColumns`); eight rows at a time for one
    /// score column, so that eight independent chains of additions overlap.
    private func sumLeaves(ids: UnsafeRawPointer, count m: Int, into scores: UnsafeMutablePointer<Float>) {
        let b = Self.blockRows, columns = scoreColumns
        leafValues.withUnsafeBufferPointer { values in
            leafStarts.withUnsafeBufferPointer { starts in
                let leaves = values.baseAddress!
                /// Leaf value of tree `t` for row `r` of the block.
                func leaf(_ t: Int, _ r: Int) -> Float {
                    leaves[Int(starts[t]) &+ Int(ids.load(fromByteOffset: t &* b &+ r, as: UInt8.self))]
                }
                var r = 0
                if columns == 1 {
                    let initial = initScores[0]
                    while r + 8 <= m {
                        var s0 = initial, s1 = initial, s2 = initial, s3 = initial
                        var s4 = initial, s5 = initial, s6 = initial, s7 = initial
                        for t in 0..<starts.count {
                            let l = leaves + Int(starts[t]), row = ids + (t &* b &+ r)
                            s0 += l[Int(row.load(as: UInt8.self))]
                            s1 += l[Int(row.load(fromByteOffset: 1, as: UInt8.self))]
                            s2 += l[Int(row.load(fromByteOffset: 2, as: UInt8.self))]
                            s3 += l[Int(row.load(fromByteOffset: 3, as: UInt8.self))]
                            s4 += l[Int(row.load(fromByteOffset: 4, as: UInt8.self))]
                            s5 += l[Int(row.load(fromByteOffset: 5, as: UInt8.self))]
                            s6 += l[Int(row.load(fromByteOffset: 6, as: UInt8.self))]
                            s7 += l[Int(row.load(fromByteOffset: 7, as: UInt8.self))]
                        }
                        scores[r] = s0; scores[r + 1] = s1; scores[r + 2] = s2; scores[r + 3] = s3
                        scores[r + 4] = s4; scores[r + 5] = s5; scores[r + 6] = s6; scores[r + 7] = s7
                        r += 8
                    }
                }
                while r < m {
                    let s = scores + r * columns
                    for k in 0..<columns { s[k] = initScores[k] }
                    var column = 0
                    for t in 0..<starts.count {
                        s[column] += leaf(t, r)
                        column = column + 1 == columns ? 0 : column + 1
                    }
                    r += 1
                }
            }
        }
    }
}
