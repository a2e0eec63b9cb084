import AccidentTestSupport
import Foundation
import Testing
@testable import AccidentML
#if canImport(Glibc)
import Glibc
#endif

/// Reading a model file that a client may have chosen: size, kind and declared structure are
/// checked before anything large is read (issue 16, item 2).
@Suite struct ModelFileReadingTests {
    /// A sparse file of `size` bytes (no disk used) starting with `prefix`.
    static func sparse(_ folder: TemporaryFolder, _ name: String, size: Int, prefix: [UInt8]) throws -> URL {
        let url = try folder.write(name, bytes: prefix)
        guard truncate(url.path, off_t(size)) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return url
    }

    /// Magic, version 2 and a section count, as a file starts.
    static func header(sections: UInt32) -> [UInt8] {
        var w = ByteWriter()
        w.append(raw: ModelContainer.magic)
        w.append(ModelContainer.formatVersion)
        w.append(sections)
        return w.bytes
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
        let folder = try TemporaryFolder()
        let url = try Self.sparse(folder, "huge.aml", size: 2 << 30, prefix: Self.header(sections: 1))
        #expect(throws: ModelFileError.tooLarge(path: url.path, size: 2 << 30, limit: AccidentModel.defaultMaxFileBytes)) {
            try AccidentModel.load(from: url)
        }
        #expect(throws: ModelFileError.tooLarge(path: url.path, size: 2 << 30, limit: 1000)) {
            try AccidentModel.load(from: url, maxFileBytes: 1000)
        }
        let message = "\(ModelFileError.tooLarge(path: url.path, size: 2 << 30, limit: 1000))"
        #expect(message.contains("max-model-bytes") && message.contains("2147483648 bytes"))
    }

    @Test func aHugeFileWithoutTheMagicIsRefusedFromItsFirstBytes() throws {
        let folder = try TemporaryFolder()
        let url = try Self.sparse(folder, "zeros.aml", size: 2 << 30, prefix: [])
        // No limit: the magic check must still come before reading the 2 GB.
        #expect(throws: ModelFileError.notAModelFile(path: url.path)) {
            try AccidentModel.load(from: url, maxFileBytes: .max)
        }
    }

    @Test func aDeclaredSectionLongerThanTheFileIsTruncationNotAnAllocation() throws {
        let folder = try TemporaryFolder()
        var w = ByteWriter()
        w.append(raw: Self.header(sections: 1))
        w.append(raw: Array("META".utf8))
        w.append(UInt64(1) << 60)
        let url = try folder.write("claims.aml", bytes: w.bytes + [UInt8](repeating: 7, count: 40))
        #expect {
            try AccidentModel.load(from: url, maxFileBytes: .max)
        } throws: { e in
            guard case .truncated(let path, let offset, _, let available) = e as? ModelFileError else { return false }
            return path == url.path && offset == 28 && available == 40
        }
    }

    @Test func tooManySectionsAreRefused() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("many.aml", bytes: Self.header(sections: 1 << 31) + [UInt8](repeating: 0, count: 64))
        #expect {
            try AccidentModel.load(from: url)
        } throws: { e in
            guard case .invalidSection(_, "HEAD", let reason) = e as? ModelFileError else { return false }
            return reason.contains("2147483648 sections")
        }
    }

    @Test func foldersFIFOsAndDevicesAreNotModelFiles() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("pipe.aml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Without a writer, opening the FIFO for reading would block forever before the fix.
        for (path, kind) in [(fifo, "a FIFO (named pipe)"), ("/dev/zero", "a character device"), (folder.url.path, "a folder")] {
            #expect(throws: ModelFileError.notARegularFile(path: path, kind: kind)) {
                try AccidentModel.load(from: URL(fileURLWithPath: path))
            }
        }
        #expect(ModelFileError.notARegularFile(path: "/dev/zero", kind: "a character device").category == .missingInput)
    }

    @Test func aWrittenModelStillRoundTripsThroughTheCheckedReader() throws {
        let folder = try TemporaryFolder()
        let bytes = ModelContainerTests().sample().serialized()
        let url = try folder.write("m.aml", bytes: bytes)
        #expect(try ModelContainer.read(from: url, maxBytes: bytes.count) == ModelContainerTests().sample())
        #expect(throws: ModelFileError.tooLarge(path: url.path, size: bytes.count, limit: bytes.count - 1)) {
            try ModelContainer.read(from: url, maxBytes: bytes.count - 1)
        }
    }
}
