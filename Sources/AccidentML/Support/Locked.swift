import Foundation

/// A value guarded by a lock: shared mutable state of the server and the store (model slot,
/// metrics, the prediction logger's queue).
///
/// `NSLock` rather than `Synchronization.Mutex`, which needs macOS 15 while the package
/// supports macOS 14. Critical sections are a few field updates; nothing blocks or awaits inside them.
package final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    /// Guards `value`.
    package init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
