#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A read-only file mapped into memory: the bytes every scanner walks, with no copy.
///
/// Mapping (rather than reading in chunks) lets every field be a plain byte range that
/// stays valid for the whole parse, which is what keeps the scanner allocation-free.
final class MappedFile: @unchecked Sendable {
    /// The file's path, as given.
    let path: String
    /// The file's bytes (empty for an empty file).
    let bytes: UnsafeRawBufferPointer

    /// Why a file could not be mapped: the path, and the reason with how to fix it.
    struct OpenError: Error, Equatable {
        var path: String
        var reason: String

        /// The system's error `code`, with the fix that fits it.
        init(path: String, code: Int32) {
            self.path = path
            let text = String(cString: strerror(code))
            reason = code == EACCES || code == EPERM ? "\(text); check the file's permissions" : "\(text); check the path"
        }

        /// A path that is not a regular file (a FIFO, a device, a folder...).
        init(path: String, kind: FileKind) {
            self.path = path
            reason = "it is \(kind), not a regular file; save the data to a file and pass that"
        }
    }

    /// Maps the file at `url` (read-only, private); throws with the system's reason on failure.
    init(url: URL) throws(OpenError) {
        path = url.path
        // O_NONBLOCK: opening a FIFO would otherwise wait for a writer before the check below.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw OpenError(path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw OpenError(path: path, code: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw OpenError(path: path, kind: FileKind(mode: info.st_mode)) }
        let size = Int(info.st_size)
        guard size > 0 else { bytes = UnsafeRawBufferPointer(start: nil, count: 0); return }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw OpenError(path: path, code: errno)
        }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    /// The file's bytes as `UInt8`s.
    var buffer: UnsafeBufferPointer<UInt8> { bytes.bindMemory(to: UInt8.self) }
}
