/// The `LINR` section: a logistic model's shape and parameters (see docs/model-format.md).
///
/// Layout: u32 class count · u32 feature count · f64 array coefficients (row-major,
/// 1 row for binary, one per class otherwise) · f64 array intercepts.
extension LogisticModel {
    static let sectionTag = "LINR"

    func encodedSection() -> [UInt8] {
        var w = ByteWriter()
        w.append(UInt32(classCount))
        w.append(UInt32(featureCount))
        w.append(array: coefficients)
        w.append(array: intercepts)
        return w.bytes
    }

    /// Decodes the `LINR` section of a file of format `version` (the same in versions 1 and 2).
    init(section bytes: [UInt8], version: UInt32, path: String) throws {
        var r = ByteReader(bytes: bytes, path: path)
        let classCount = Int(try r.read(UInt32.self))
        let featureCount = Int(try r.read(UInt32.self))
        let coefficients = try r.readArray(of: Double.self)
        let intercepts = try r.readArray(of: Double.self)
        guard r.remaining == 0 else {
            throw ModelFileError.invalidSection(path: path, tag: Self.sectionTag, reason: "\(r.remaining) trailing bytes")
        }
        do {
            try self.init(classCount: classCount, featureCount: featureCount,
                          coefficients: coefficients, intercepts: intercepts)
        } catch {
            throw ModelFileError.invalidSection(path: path, tag: Self.sectionTag, reason: error.description)
        }
    }
}
