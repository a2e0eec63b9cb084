import Dispatch
import Synchronization

/// Coarse-grained fork-join for the 2-core machines this runs on: `workers` blocking
/// workers (GCD's `concurrentPerform`, never a spin-wait), each taking either a fixed strided
/// share of the items (which worker does what never depends on timing) or the next free item.
enum ParallelWork {
    /// Calls `body(item, worker)` for every item in `0..<count`, on at most `workers` threads;
    /// with one worker (or one item) it runs on the calling thread.
    static func forEach(count: Int, workers: Int, _ body: (_ item: Int, _ worker: Int) -> Void) {
        share(count: count, workers: workers, dynamic: false, body)
    }

    /// Calls `body(item, worker)` for every item in `0..<count` on at most `workers` blocking
    /// workers, each taking the next item when it is free (an atomic counter, never a
    /// spin-wait): on a shared machine a worker the scheduler delays holds the others up for one
    /// item, not for its whole fixed share.
    ///
    /// Which worker runs an item depends on timing, so `worker` may only select scratch
    /// memory; results must depend on the item alone. One worker runs on the calling thread.
    static func forEachDynamic(count: Int, workers: Int, _ body: (_ item: Int, _ worker: Int) -> Void) {
        share(count: count, workers: workers, dynamic: true, body)
    }

    /// The two ways of sharing items: fixed strides, or the next free item.
    private static func share(count: Int, workers: Int, dynamic: Bool, _ body: (_ item: Int, _ worker: Int) -> Void) {
        let w = max(1, min(workers, count))
        if w == 1 {
            for i in 0..<count { body(i, 0) }
            return
        }
        let next = Atomic<Int>(0)
        // The workers write disjoint memory and all have returned when concurrentPerform does.
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: w) { worker in
                if dynamic {
                    while true {
                        let item = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard item < count else { return }
                        body(item, worker)
                    }
                } else {
                    for i in stride(from: worker, to: count, by: w) { body(i, worker) }
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
