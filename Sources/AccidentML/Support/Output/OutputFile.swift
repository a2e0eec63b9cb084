import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one output file to an `OutputDestination`: streamed into a temporary file renamed into
/// place by `commit()` for a regular file (dropped before that, it leaves nothing), straight
/// through for a FIFO, a device or standard output.
package final class OutputFile {
    /// The path as given, for messages.
    package let path: String
    private let destination: OutputDestination
    private let fd: Int32
    private let temporary: String?
    private var committed = false

    /// Opens the destination of `path` (see `OutputDestination.resolve`).
    package init(path: String) throws(OutputPathError) {
        self.path = path
        destination = try OutputDestination.resolve(path)
        switch destination {
        case .standardOutput:
            fd = STDOUT_FILENO
            temporary = nil
        case .writeThrough(let url, _):
            fd = open(url.path, O_WRONLY | O_CLOEXEC)
            temporary = nil
            guard fd >= 0 else { throw .unusable(path: path, reason: String(cString: strerror(errno))) }
        case .atomicFile(let url):
            let name = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
            fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            temporary = name
            guard fd >= 0 else {
                throw .unusable(path: path, reason: "cannot create a file beside it (\(String(cString: strerror(errno))))")
            }
        }
    }

    deinit {
        if case .standardOutput = destination {} else if fd >= 0 { close(fd) }
        if !committed, let temporary { unlink(temporary) }
    }

    /// Appends `bytes`.
    package func write(_ bytes: some Collection<UInt8>) throws(OutputPathError) {
        // Contiguous bytes (arrays, native strings' UTF-8) are written in place; others copied once.
        var failure: OutputPathError? = nil
        let inPlace = bytes.withContiguousStorageIfAvailable { buffer in
            do throws(OutputPathError) { try write(UnsafeRawBufferPointer(buffer)) } catch { failure = error }
        }
        if inPlace == nil {
            Array(bytes).withUnsafeBytes { buffer in
                do throws(OutputPathError) { try write(buffer) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// Writes all of `buffer`, retrying short writes and interrupted calls.
    private func write(_ buffer: UnsafeRawBufferPointer) throws(OutputPathError) {
        var done = 0
        while done < buffer.count {
            let n = systemWrite(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
            done += n
        }
    }

    /// Appends `text` as UTF-8.
    package func write(_ text: String) throws(OutputPathError) { try write(text.utf8) }

    /// Finishes the file: flushed to disk and renamed into place for a regular file.
    package func commit() throws(OutputPathError) {
        guard case .atomicFile(let url) = destination, let temporary else {
            committed = true
            return
        }
        guard fsync(fd) == 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        guard rename(temporary, url.path) == 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        committed = true
    }

    /// Writes `bytes` as the whole file at `path` and commits it.
    package static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputPathError) {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }
}

/// `write(2)`, named apart from `OutputFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
