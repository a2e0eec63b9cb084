/// The `GBDT` section: a boosted forest in LightGBM's node layout (see docs/model-format.md).
///
/// Layout: u32 class count · objective name (u32 length + UTF-8; format version 2 on, version 1
/// files are `binary` for two classes, `multiclass` above) · u32 feature count · feature names (u32 length + UTF-8 each) ·
/// f64 array init scores · u32 tree count · per tree: i32 array split features, f32 array
/// thresholds, u8 array default-left flags, i32 array left children, i32 array right children,
/// f64 array split gains, f32 array leaf values. A child `c >= 0` is an internal node (always
/// after its parent), `c < 0` the leaf `~c`; trees are stored round by round, class by class.
extension GBDTModel {
    static let sectionTag = "GBDT"

    func encodedSection() -> [UInt8] {
        var w = ByteWriter()
        w.append(UInt32(classCount))
        w.append(string: objective.rawValue)
        w.append(UInt32(featureCount))
        for name in featureNames { w.append(string: name) }
        w.append(array: initScores)
        w.append(UInt32(trees.count))
        for t in trees {
            w.append(array: t.splitFeature)
            w.append(array: t.threshold)
            w.append(array: t.defaultLeft.map { UInt8($0 ? 1 : 0) })
            w.append(array: t.leftChild)
            w.append(array: t.rightChild)
            w.append(array: t.splitGain)
            w.append(array: t.leafValue)
        }
        return w.bytes
    }

    /// Decodes the `GBDT` section of a file of format `version`, and the `GCOV` section when
    /// given, into a model; each tree's arrays are filled straight from the bytes (one
    /// allocation per array) and the flattened forest is built once.
    init(section bytes: [UInt8], covers: [UInt8]?, version: UInt32, path: String) throws {
        func invalid(_ reason: String) -> ModelFileError {
            .invalidSection(path: path, tag: Self.sectionTag, reason: reason)
        }
        var r = ByteReader(bytes: bytes, path: path)
        let classCount = Int(try r.read(UInt32.self))
        let objective: BoostingObjective
        if version >= 2 {
            let name = try r.readString()
            do { objective = try BoostingObjective(named: name) } catch { throw invalid("objective: \(error)") }
        } else {
            objective = .standard(classCount: classCount)
        }
        let featureCount = Int(try r.read(UInt32.self))
        guard classCount >= 2 else { throw invalid("\(classCount) classes; a classifier needs at least 2") }
        if let problem = objective.problem(classCount: classCount) { throw invalid(problem) }
        guard featureCount <= r.remaining else { throw invalid("\(featureCount) features cannot fit in the section") }
        let names = try (0..<featureCount).map { _ in try r.readString() }
        let initScores = try r.readArray(of: Double.self)
        let columns = objective.scoreColumns(classCount: classCount)
        guard initScores.count == columns else { throw invalid("\(initScores.count) init scores, expected \(columns)") }
        let treeCount = Int(try r.read(UInt32.self))
        guard treeCount % columns == 0 else { throw invalid("\(treeCount) trees is not a whole number of rounds of \(columns)") }
        var trees: [RegressionTree] = []
        trees.reserveCapacity(min(treeCount, r.remaining))
        for t in 0..<treeCount {
            let tree = RegressionTree(splitFeature: try r.readArray(of: Int32.self), threshold: try r.readArray(of: Float.self),
                                      defaultLeft: try r.readFlags(), leftChild: try r.readArray(of: Int32.self),
                                      rightChild: try r.readArray(of: Int32.self), splitGain: try r.readArray(of: Double.self),
                                      leafValue: try r.readArray(of: Float.self))
            if let problem = tree.structuralProblem(featureCount: featureCount) { throw invalid("tree \(t): \(problem)") }
            trees.append(tree)
        }
        guard r.remaining == 0 else { throw invalid("\(r.remaining) trailing bytes") }
        if let covers { try Self.decodeCovers(covers, into: &trees, path: path) }
        self.init(classCount: classCount, objective: objective, featureNames: names, initScores: initScores, trees: trees)
    }
}

extension ByteReader {
    /// Reads a u8 array (u64 count then bytes) as flags, any non-zero byte being true.
    mutating func readFlags() throws -> [Bool] {
        let count = try read(UInt64.self)
        guard count <= UInt64(remaining) else {
            throw ModelFileError.truncated(path: path, offset: offset, needed: Int(clamping: count), available: remaining)
        }
        return try readBytes(Int(count)).map { $0 != 0 }
    }
}

extension RegressionTree {
    /// Why the arrays do not form a valid tree, or nil: equal lengths, one more leaf than
    /// internal nodes, features in range, children in range and after their parent (so every
    /// walk ends), no NaN threshold or leaf value.
    func structuralProblem(featureCount: Int) -> String? {
        let n = internalCount
        guard threshold.count == n, defaultLeft.count == n, leftChild.count == n, rightChild.count == n,
              splitGain.count == n else { return "node arrays of different lengths" }
        guard leafValue.count == n + 1 else { return "\(leafValue.count) leaves for \(n) internal nodes" }
        for i in 0..<n {
            guard splitFeature[i] >= 0, Int(splitFeature[i]) < featureCount else {
                return "node \(i) splits on feature \(splitFeature[i]) of \(featureCount)"
            }
            guard !threshold[i].isNaN else { return "node \(i) has a NaN threshold" }
            if let problem = childProblem(leftChild[i], of: i) ?? childProblem(rightChild[i], of: i) { return problem }
        }
        if leafValue.contains(where: \.isNaN) { return "a leaf value is NaN" }
        return nil
    }

    /// Why child reference `c` of internal node `i` is invalid, or nil.
    private func childProblem(_ c: Int32, of i: Int) -> String? {
        if c >= 0 {
            return Int(c) > i && Int(c) < internalCount ? nil : "node \(i) points to node \(c)"
        }
        return Int(~c) < leafValue.count ? nil : "node \(i) points to leaf \(~c)"
    }
}
