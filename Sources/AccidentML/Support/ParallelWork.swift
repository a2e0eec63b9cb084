import Dispatch

/// Coarse-grained fork-join for the 2-core machines this runs on: `workers` blocking
/// workers (GCD's `concurrentPerform`, never a spin-wait), each taking a fixed strided
/// share of the items, so that which worker does what never depends on timing.
enum ParallelWork {
    /// Calls `body(item, worker)` for every item in `0..<count`, on at most `workers` threads;
    /// with one worker (or one item) it runs on the calling thread.
    static func forEach(count: Int, workers: Int, _ body: (_ item: Int, _ worker: Int) -> Void) {
        let w = max(1, min(workers, count))
        if w == 1 {
            for i in 0..<count { body(i, 0) }
            return
        }
        // The workers write disjoint memory and all have returned when concurrentPerform does.
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: w) { worker in
                var i = worker
                while i < count {
                    body(i, worker)
                    i += w
                }
            }
        }
    }

    /// Calls `body(i)` for every `i` in `0..<count`, each on its own worker (GCD's blocking
    /// `concurrentPerform`); one item runs on the calling thread. Each call must touch memory
    /// no other call touches.
    static func each(_ count: Int, _ body: (Int) -> Void) {
        forEach(count: count, workers: count) { item, _ in body(item) }
    }

    /// Runs independent closures in parallel and waits for all of them.
    static func run(_ items: [@Sendable () -> Void]) {
        each(items.count) { items[$0]() }
    }
}
