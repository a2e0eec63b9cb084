import Dispatch

/// Fork-join used by the BAAC writer and the synthetic generator: runs `body(i)` for every `i`
/// in `0..<count` on GCD's blocking `concurrentPerform` workers (nobody spins) and returns when
/// all are done. A single item runs on the calling thread.
enum BAACParallel {
    /// `body` may capture unsafe buffers and non-Sendable references: each call must touch
    /// memory no other call touches, which is how the writer (one file per table) and the
    /// generator (one slice of accidents per call) use it.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 { body(0); return }
        withoutActuallyEscaping(body) { escapable in
            nonisolated(unsafe) let work = escapable
            DispatchQueue.concurrentPerform(iterations: count) { work($0) }
        }
    }
}
