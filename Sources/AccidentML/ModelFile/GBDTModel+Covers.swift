/// The optional `GCOV` section: how many training rows reached each leaf of each tree, which
/// TreeSHAP needs (docs/model-format.md). A file without it still predicts; it only cannot
/// explain its predictions.
///
/// Layout: u32 tree count · per tree (same order as `GBDT`): f64 array leaf covers.
extension GBDTModel {
    static let coverSectionTag = "GCOV"

    /// The section's bytes, or nil when a tree has no covers (a model read from an older file).
    func encodedCoverSection() -> [UInt8]? {
        guard hasCovers else { return nil }
        var w = ByteWriter()
        w.append(UInt32(trees.count))
        for t in trees { w.append(array: t.leafCover) }
        return w.bytes
    }

    /// Sets the covers of a `GCOV` section on `trees`; throws when they do not fit the trees.
    static func decodeCovers(_ bytes: [UInt8], into trees: inout [RegressionTree], path: String) throws {
        func invalid(_ reason: String) -> ModelFileError {
            .invalidSection(path: path, tag: Self.coverSectionTag, reason: reason)
        }
        var r = ByteReader(bytes: bytes, path: path)
        let count = Int(try r.read(UInt32.self))
        guard count == trees.count else { throw invalid("covers for \(count) trees, the model has \(trees.count)") }
        for t in trees.indices {
            let covers = try r.readArray(of: Double.self)
            guard covers.count == trees[t].leafCount else {
                throw invalid("tree \(t): \(covers.count) leaf covers for \(trees[t].leafCount) leaves")
            }
            guard covers.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw invalid("tree \(t): a cover is not a positive number") }
            trees[t].leafCover = covers
        }
        guard r.remaining == 0 else { throw invalid("\(r.remaining) trailing bytes") }
    }
}
