import Foundation

/// A value guarded by a lock: the server's shared mutable state (model slot, metrics).
///
/// `NSLock` rather than `Synchronization.Mutex`, which needs macOS 15 while the package
/// supports macOS 14. Critical sections are a few field updates; nothing blocks inside them.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
