import Dispatch
import Synchronization

extension ParallelWork {
    /// Calls `body(item, worker)` for every item in `0..<count` on at most `workers` blocking
    /// workers (GCD's `concurrentPerform`), each taking the next item when it is free (an
    /// atomic counter, never a spin-wait): on a shared machine a worker the scheduler delays
    /// holds the others up for one item, not for its whole fixed share.
    ///
    /// Which worker runs an item depends on timing, so `worker` may only select scratch
    /// memory; results must depend on the item alone. One worker runs on the calling thread.
    static func forEachDynamic(count: Int, workers: Int, _ body: (_ item: Int, _ worker: Int) -> Void) {
        let w = max(1, min(workers, count))
        if w == 1 {
            for i in 0..<count { body(i, 0) }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: w) { worker in
                while true {
                    let item = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard item < count else { return }
                    body(item, worker)
                }
            }
        }
    }
}
