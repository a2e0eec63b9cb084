import Dispatch

/// Runs `body(worker)` for `worker` in `0..<workers` on that many threads, and returns when
/// all are done (the calling thread takes part; nobody spins). One worker runs inline.
///
/// `body` may capture unsafe buffers: each worker must touch disjoint parts of them, which
/// is what the linear kernels do by giving each worker its own fixed set of row chunks.
func runLinearWorkers(_ workers: Int, _ body: (Int) -> Void) {
    precondition(workers >= 1, "at least one worker")
    if workers == 1 { body(0); return }
    withoutActuallyEscaping(body) { escapable in
        nonisolated(unsafe) let work = escapable
        DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
    }
}
