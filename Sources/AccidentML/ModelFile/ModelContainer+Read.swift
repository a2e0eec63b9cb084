import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a model file from disk without trusting it: its kind, size and declared structure are
/// checked before any large allocation.
///
/// A reload names a file a client chose, so a 2 GB file, a FIFO that never ends or a header that
/// declares an 8 EB section must cost a few `pread`s and a clear error, never the memory they claim.
extension ModelContainer {
    /// The most sections a file may declare; this build writes at most a handful.
    static let maxSectionCount: UInt32 = 1024

    /// Reads and parses the file at `url`: refuses anything but a regular file of at most
    /// `maxBytes` bytes, checks magic, version and every declared section length against the
    /// file's size, and only then reads the file, once.
    static func read(from url: URL, maxBytes: Int = AccidentModel.defaultMaxFileBytes) throws -> ModelContainer {
        let path = url.path
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw ModelFileError.io(path: path, reason: "cannot open the model file (\(String(cString: strerror(errno)))); check the path.")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            throw ModelFileError.io(path: path, reason: "cannot stat the model file (\(String(cString: strerror(errno)))).")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw ModelFileError.notARegularFile(path: path, kind: FileKind(mode: status.st_mode).description)
        }
        let size = Int(status.st_size)
        guard size <= maxBytes else { throw ModelFileError.tooLarge(path: path, size: size, limit: maxBytes) }
        let file = DescriptorReader(fd: fd, path: path, size: size)
        try checkStructure(file)
        return try parse(try file.bytes(at: 0, count: size), path: path)
    }

    /// Checks magic, version and the chain of section headers against the file's size.
    private static func checkStructure(_ file: DescriptorReader) throws {
        let headerSize = magic.count + 8
        guard file.size >= magic.count, try file.bytes(at: 0, count: magic.count) == magic else {
            throw ModelFileError.notAModelFile(path: file.path)
        }
        guard file.size >= headerSize else {
            throw ModelFileError.truncated(path: file.path, offset: magic.count, needed: 8, available: file.size - magic.count)
        }
        let version = try file.uint32(at: magic.count)
        guard supportedVersions.contains(version) else {
            throw ModelFileError.unsupportedVersion(path: file.path, found: version, supported: supportedVersions)
        }
        let count = try file.uint32(at: magic.count + 4)
        guard count <= maxSectionCount else {
            throw ModelFileError.invalidSection(path: file.path, tag: "HEAD",
                                                reason: "the file declares \(count) sections, at most \(maxSectionCount) are read")
        }
        var offset = headerSize
        for _ in 0..<count {
            guard file.size - offset >= 12 else {
                throw ModelFileError.truncated(path: file.path, offset: offset, needed: 12, available: file.size - offset)
            }
            let length = try file.uint64(at: offset + 4)
            offset += 12
            guard length <= UInt64(file.size - offset) else {
                throw ModelFileError.truncated(path: file.path, offset: offset, needed: Int(clamping: length),
                                               available: file.size - offset)
            }
            offset += Int(length)
        }
        guard file.size - offset >= 4 else {
            throw ModelFileError.truncated(path: file.path, offset: offset, needed: 4, available: file.size - offset)
        }
    }
}

/// Positioned reads from an open file descriptor of known size.
private struct DescriptorReader {
    let fd: Int32
    let path: String
    let size: Int

    /// `count` bytes from `offset`, read in full (a short read means the file shrank meanwhile).
    func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    initialized = done
                    throw ModelFileError.io(path: path, reason: n < 0
                        ? "cannot read the model file (\(String(cString: strerror(errno))))."
                        : "the model file ended at byte \(offset + done) while being read; was it being replaced?")
                }
                done += n
            }
            initialized = count
        }
    }

    func uint32(at offset: Int) throws -> UInt32 {
        try bytes(at: offset, count: 4).withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    }

    func uint64(at offset: Int) throws -> UInt64 {
        try bytes(at: offset, count: 8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    }
}

/// The kind of a file system entry, named for error messages.
struct FileKind: CustomStringConvertible {
    let mode: mode_t

    var description: String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }
}
