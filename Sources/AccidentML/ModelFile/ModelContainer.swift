import Foundation

/// The byte container of a model file: magic, format version, tagged sections, CRC-32 trailer.
///
/// Layout (all integers little-endian; see docs/model-format.md):
/// `"AMLMODEL"` (8 bytes) · u32 format version · u32 section count ·
/// per section: 4 ASCII tag bytes · u64 payload length · payload ·
/// u32 CRC-32 (zlib polynomial) of every preceding byte.
struct ModelContainer: Equatable {
    static let magic = Array("AMLMODEL".utf8)
    /// The version this build writes: 2 added the GBDT objective's name.
    static let formatVersion: UInt32 = 2
    /// The versions this build reads.
    static let supportedVersions: ClosedRange<UInt32> = 1...2

    /// The format version of the file this container was parsed from (`formatVersion` for a
    /// new container): section decoders read the fields of that version.
    private(set) var version: UInt32 = formatVersion

    /// The sections in file order; tags are unique.
    var sections: [(tag: String, payload: [UInt8])] = []
    /// The CRC-32 trailer of the file this container was parsed from (0 for a new container).
    private(set) var checksum: UInt32 = 0

    static func == (a: ModelContainer, b: ModelContainer) -> Bool {
        a.sections.map(\.tag) == b.sections.map(\.tag) && a.sections.map(\.payload) == b.sections.map(\.payload)
    }

    /// The payload of a section, or nil.
    func section(_ tag: String) -> [UInt8]? { sections.first { $0.tag == tag }?.payload }

    /// The payload of a required section.
    func requiredSection(_ tag: String, path: String) throws -> [UInt8] {
        guard let s = section(tag) else { throw ModelFileError.missingSection(path: path, tag: tag) }
        return s
    }

    /// Adds a section; tags are four ASCII characters and unique.
    mutating func add(_ tag: String, _ payload: [UInt8]) {
        precondition(tag.utf8.count == 4 && tag.utf8.allSatisfy { $0 < 128 }, "section tags are 4 ASCII bytes")
        precondition(section(tag) == nil, "duplicate section \(tag)")
        sections.append((tag, payload))
    }

    /// The file's bytes.
    func serialized() -> [UInt8] {
        var w = ByteWriter()
        w.append(raw: Self.magic)
        w.append(Self.formatVersion)
        w.append(UInt32(sections.count))
        for s in sections {
            w.append(raw: Array(s.tag.utf8))
            w.append(UInt64(s.payload.count))
            w.append(raw: s.payload)
        }
        let crc = CRC32.checksum(w.bytes)
        w.append(crc)
        return w.bytes
    }

    /// Parses a file's bytes: checks magic, version, structure, then the checksum.
    static func parse(_ bytes: [UInt8], path: String) throws -> ModelContainer {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw ModelFileError.notAModelFile(path: path)
        }
        var r = ByteReader(bytes: bytes, path: path, range: magic.count..<bytes.count)
        let version = try r.read(UInt32.self)
        guard supportedVersions.contains(version) else {
            throw ModelFileError.unsupportedVersion(path: path, found: version, supported: supportedVersions)
        }
        let count = try r.read(UInt32.self)
        var container = ModelContainer()
        for _ in 0..<count {
            let tag = String(decoding: try r.readBytes(4), as: UTF8.self)
            let length = try r.read(UInt64.self)
            guard length <= UInt64(r.remaining) else {
                throw ModelFileError.truncated(path: path, offset: r.offset, needed: Int(clamping: length),
                                               available: r.remaining)
            }
            let payload = Array(try r.readBytes(Int(length)))
            guard container.section(tag) == nil else {
                throw ModelFileError.invalidSection(path: path, tag: tag, reason: "the section appears twice")
            }
            container.sections.append((tag, payload))
        }
        let bodyEnd = r.offset
        let stored = try r.read(UInt32.self)
        guard r.remaining == 0 else {
            throw ModelFileError.invalidSection(path: path, tag: "CRC",
                                                reason: "\(r.remaining) unexpected bytes after the checksum")
        }
        let computed = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<bodyEnd])) }
        guard stored == computed else {
            throw ModelFileError.checksumMismatch(path: path, stored: stored, computed: computed)
        }
        container.checksum = stored
        container.version = version
        return container
    }

    /// Writes the file through `OutputFile` (a regular file atomically: a temporary file in the same
    /// folder, then a rename; a FIFO or device written through) and returns its CRC-32 trailer.
    @discardableResult
    func write(to url: URL) throws -> UInt32 {
        let bytes = serialized()
        do {
            try OutputFile.write(bytes, to: url.path)
            return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: bytes.count - 4, as: UInt32.self)) }
        } catch {
            throw ModelFileError.io(path: url.path, reason: "cannot write the model file (\(error.reason)); check that the folder exists and is writable.")
        }
    }
}
