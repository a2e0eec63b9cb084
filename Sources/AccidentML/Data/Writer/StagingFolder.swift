import Foundation

/// A hidden folder next to a destination where a set of files is written before being moved
/// into place together (same file system, so each move is an atomic `rename`).
struct StagingFolder {
    /// Where the files will end up.
    let finalURLs: [URL]
    /// Where they are written meanwhile.
    let stagedURLs: [URL]
    /// The hidden folder itself.
    let folder: URL

    /// Creates `directory` if needed, then a fresh staging folder inside it.
    init(in directory: URL, finalNames: [String]) throws(BAACWriteError) {
        let manager = FileManager.default
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let folder = directory.appendingPathComponent(".baac-writer-\(unique).partial", isDirectory: true)
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            try manager.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw .cannotCreateDirectory(path: folder.path, reason: "\(error)")
        }
        self.folder = folder
        finalURLs = finalNames.map { directory.appendingPathComponent($0) }
        stagedURLs = finalNames.map { folder.appendingPathComponent($0) }
    }

    /// Moves every staged file over its final path. Existing final files are first hard-linked
    /// into the staging folder, so that if any move fails the earlier ones are undone and the
    /// previous set is back exactly as it was. The staging folder is removed either way.
    func moveIntoPlace() throws(BAACWriteError) {
        defer { discard() }
        let manager = FileManager.default
        let backups = finalURLs.map { folder.appendingPathComponent("previous-" + $0.lastPathComponent) }
        var backedUp = [Bool](repeating: false, count: finalURLs.count)
        var moved = 0
        do throws(BAACWriteError) {
            for (i, target) in finalURLs.enumerated() where manager.fileExists(atPath: target.path) {
                do {
                    try manager.linkItem(at: target, to: backups[i])
                } catch {
                    throw .cannotReplace(path: target.path, reason: "cannot keep a backup link: \(error)")
                }
                backedUp[i] = true
            }
            for (source, target) in zip(stagedURLs, finalURLs) {
                try Self.rename(source, over: target)
                moved += 1
            }
        } catch {
            for i in 0..<moved {
                if backedUp[i] {
                    try? Self.rename(backups[i], over: finalURLs[i])
                } else {
                    try? manager.removeItem(at: finalURLs[i])
                }
            }
            throw error
        }
    }

    /// Deletes the staging folder and whatever is left in it.
    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// POSIX `rename`: atomically replaces `target` (a file) with `source`.
    private static func rename(_ source: URL, over target: URL) throws(BAACWriteError) {
        guard Foundation.rename(source.path, target.path) == 0 else {
            throw .cannotReplace(path: target.path, reason: String(cString: strerror(errno)))
        }
    }
}
