import Foundation

/// A loopback TCP port that nothing listens on, to stand for a service that is down.
public enum ClosedPort {
    /// A port the kernel just gave this process and that was closed again (connections are refused).
    public static func make() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0, "socket() failed")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        precondition(ok, "binding an ephemeral loopback port failed")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
