import Foundation

/// One CSV file being written: an open handle plus a large buffer that rows are encoded into
/// and flushed from in big chunks, so that a file of any size never sits in memory.
final class CSVTableFile {
    /// Where the bytes go (a staging path until the set is committed).
    let url: URL
    /// Bytes flushed to the file so far.
    private(set) var bytesWritten = 0
    /// Data rows written so far (header excluded).
    private(set) var rowCount = 0

    private let handle: FileHandle
    private let memory: UnsafeMutablePointer<UInt8>
    private let capacity: Int

    /// The largest row an encoder may write after one `room` check: rows are a few hundred
    /// bytes, the longest text value is a short placeholder.
    static let maximumRowBytes = 4096

    /// Creates (or truncates) the file at `url`.
    init(url: URL, bufferBytes: Int = 1 << 20) throws(BAACWriteError) {
        precondition(bufferBytes >= 2 * CSVTableFile.maximumRowBytes, "buffer too small")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw .cannotCreateFile(path: url.path, reason: "the file could not be created")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw .cannotCreateFile(path: url.path, reason: "\(error)")
        }
        self.url = url
        capacity = bufferBytes
        memory = .allocate(capacity: bufferBytes)
    }

    deinit {
        try? handle.close()
        memory.deallocate()
    }

    /// An empty buffer over this file's memory, to encode rows into.
    func emptyBuffer() -> CSVByteBuffer { CSVByteBuffer(base: memory, capacity: capacity) }

    /// Makes room for one more row: flushes `buffer` when fewer than `maximumRowBytes` are free.
    @inline(__always) func room(in buffer: inout CSVByteBuffer) throws(BAACWriteError) {
        if buffer.remaining < CSVTableFile.maximumRowBytes { try flush(&buffer) }
    }

    /// Writes the buffered bytes to the file and empties the buffer.
    func flush(_ buffer: inout CSVByteBuffer) throws(BAACWriteError) {
        precondition(buffer.base == memory, "buffer does not belong to \(url.lastPathComponent)")
        guard buffer.count > 0 else { return }
        let data = Data(bytesNoCopy: memory, count: buffer.count, deallocator: .none)
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw .writeFailed(path: url.path, reason: "\(error)")
        }
        bytesWritten += buffer.count
        buffer.count = 0
    }

    /// Counts rows encoded by a caller (for reporting).
    func didWrite(rows: Int) { rowCount += rows }

    /// Flushes the OS buffers to disk and closes the file.
    func close() throws(BAACWriteError) {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .writeFailed(path: url.path, reason: "\(error)")
        }
    }
}
