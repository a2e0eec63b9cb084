import COpenBLAS
import Foundation

/// The name of the CPU kernel set OpenBLAS picked at load time, e.g. `Haswell` or `SkylakeX`.
///
/// Worth logging next to any timing: a CPU newer than the OpenBLAS build falls back to an
/// older kernel set unless `OPENBLAS_CORETYPE` is set before the process starts.
public func openblasCoreName() -> String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
}

/// The number of threads OpenBLAS uses for its larger calls (a process-wide setting).
///
/// Calls that take a `threads` argument set it for their duration and restore this value.
public var openblasThreads: Int {
    get { Int(openblas_get_num_threads()) }
    set {
        precondition(newValue >= 1, "OpenBLAS needs at least one thread, got \(newValue)")
        openblasThreadLock.withLock { openblas_set_num_threads(Int32(clamping: newValue)) }
    }
}

/// Serialises changes of the process-wide OpenBLAS thread count with the calls that rely on it.
private let openblasThreadLock = NSLock()

/// Runs `body` (which calls OpenBLAS) with `threads` OpenBLAS threads, then restores the count.
///
/// The count is global to the process, so such calls are serialised; with 2 cores, two
/// multi-threaded BLAS calls at once would only oversubscribe them anyway.
func withOpenBLASThreads<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
    precondition(threads >= 1, "threads must be at least 1, got \(threads)")
    openblasThreadLock.lock()
    defer { openblasThreadLock.unlock() }
    let previous = openblas_get_num_threads()
    let wanted = Int32(clamping: threads)
    if wanted != previous { openblas_set_num_threads(wanted) }
    defer { if wanted != previous { openblas_set_num_threads(previous) } }
    return try body()
}
