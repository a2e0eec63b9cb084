#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP socket bound to a free loopback port, to stand in for a database that is down or hung.
final class LoopbackSocket {
    let descriptor: Int32
    let port: Int

    /// Binds 127.0.0.1 on a port the kernel picks; `listening` makes it accept connections (into the
    /// backlog: nobody ever answers them).
    init(listening: Bool) throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else { close(fd); throw SocketError(call: "bind") }
        if listening {
            guard listen(fd, 16) == 0 else { close(fd); throw SocketError(call: "listen") }
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}

struct SocketError: Error { let call: String }

/// A loopback port nothing listens on: connections to it are refused.
enum ClosedPort {
    static func make() throws -> Int {
        try LoopbackSocket(listening: false).port // bound, never listening, closed on return
    }
}
