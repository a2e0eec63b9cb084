import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Resident memory of this process from `/proc/self/status`, measured the way the Python
/// peers do (`peer_common.py`): free what can be freed, reset the kernel's peak mark, run,
/// then read the peak (`VmHWM`).
enum ProcessMemory {
    /// Returns glibc's free pages to the system and resets `VmHWM` to the current RSS
    /// (writing 5 to `/proc/self/clear_refs`, Linux 4.0 and later).
    static func resetPeak() throws(BenchError) {
        _ = trimHeap?(0)
        do { try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) } catch {
            throw .io(path: "/proc/self/clear_refs", detail: "cannot reset the peak RSS: \(error.localizedDescription)")
        }
    }

    /// glibc's `malloc_trim`, which the Glibc module does not export, looked up at run time.
    private static let trimHeap: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
        unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
    }

    /// Peak resident set size since the last reset, in bytes.
    static func peakBytes() throws(BenchError) -> Int { try statusKiB("VmHWM") * 1024 }

    /// Current resident set size, in bytes.
    static func residentBytes() throws(BenchError) -> Int { try statusKiB("VmRSS") * 1024 }

    private static func statusKiB(_ key: String) throws(BenchError) -> Int {
        guard let value = MachineInfo.procField("/proc/self/status", key: key),
              let kib = Int(value.split(separator: " ").first ?? "") else {
            throw .io(path: "/proc/self/status", detail: "no readable \(key) line")
        }
        return kib
    }
}
