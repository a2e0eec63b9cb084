import Dispatch

/// Fixed slots that parallel workers fill, each slot written by exactly one worker.
///
/// Plain memory rather than an Array so that concurrent writes to different slots are not
/// accesses to one shared array value.
final class ParallelSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    /// Number of slots.
    let count: Int

    /// Creates `count` empty slots.
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Fills slot `index` (call once per index, from one worker).
    func set(_ index: Int, _ value: T) {
        precondition(index >= 0 && index < count, "slot \(index) out of range 0..<\(count)")
        base[index] = value
    }

    /// The value in slot `index`; every slot must have been filled.
    subscript(index: Int) -> T {
        guard let value = base[index] else { preconditionFailure("slot \(index) was never filled") }
        return value
    }
}
