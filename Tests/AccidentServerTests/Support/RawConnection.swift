import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client on 127.0.0.1 that sends bytes as slowly or as partially as a test likes
/// (what `TestClient` cannot do): slowloris heads, trickled bodies, idle connections.
final class RawConnection {
    private let fd: Int32

    /// Connects to `port` on 127.0.0.1.
    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(what: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let code = errno
            close(fd)
            throw Failure(what: "connect", code: code)
        }
    }

    deinit { close(fd) }

    /// Sends `text` (UTF-8) in full.
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(what: "send", code: errno) }
            sent += n
        }
    }

    /// Reads until the server closes the connection or `seconds` pass; `closed` says which.
    ///
    /// The bound keeps a test from hanging when the server fails to close; it is not a timing
    /// assertion (the server's deadlines in these tests are a fraction of it).
    func readUntilClosed(within seconds: Double) async -> (text: String, closed: Bool) {
        await readUntil(within: seconds) { _ in false }
    }

    /// Reads until `done(text so far)`, the server closing, or `seconds` passing, on a Dispatch
    /// thread: a blocking read on a Swift concurrency thread would starve the servers under test
    /// (the pool has one thread per core).
    func readUntil(within seconds: Double, _ done: @escaping @Sendable (String) -> Bool) async -> (text: String, closed: Bool) {
        let connection = UncheckedBox(self)
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: connection.value.blockingRead(within: seconds, done)) }
        }
    }

    private func blockingRead(within seconds: Double, _ done: (String) -> Bool) -> (text: String, closed: Bool) {
        let end = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < end {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, end.timeIntervalSinceNow * 1000)))
            if ready <= 0 { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return (String(decoding: received, as: UTF8.self), true) }  // EOF
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return (String(decoding: received, as: UTF8.self), true)  // reset by the server
            }
            received += buffer[0..<n]
            if done(String(decoding: received, as: UTF8.self)) { return (String(decoding: received, as: UTF8.self), false) }
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    struct Failure: Error, CustomStringConvertible {
        let what: String
        let code: Int32
        var description: String { "\(what) failed: \(String(cString: strerror(code)))" }
    }
}

/// Hands a non-Sendable value to a Dispatch thread that alone uses it meanwhile.
struct UncheckedBox<Value>: @unchecked Sendable { let value: Value; init(_ value: Value) { self.value = value } }
