import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an output file named on the command line really goes, decided before anything is written.
///
/// A regular file (or a missing path) is replaced atomically: a temporary file beside it, then a
/// rename, so a reader never sees half a file. A symbolic link is followed, so the link stays and
/// its target is replaced. A FIFO or a device (`/dev/stdout`, `/dev/null`, a pipe) cannot be
/// renamed over without destroying it: it is written through. Folders and sockets are refused.
package enum OutputDestination: Equatable, Sendable {
    /// `-`: the process's standard output.
    case standardOutput
    /// A regular file or a missing path (the real path, symbolic links resolved): temporary file, then rename.
    case atomicFile(URL)
    /// A FIFO or character device (`kind` names it): opened and written in place.
    case writeThrough(URL, kind: String)

    /// Classifies `path` (`-` for standard output); throws `OutputPathError` for a folder, a socket,
    /// a dangling link or a missing parent folder, before any work is done.
    package static func resolve(_ path: String) throws(OutputPathError) -> OutputDestination {
        if path == "-" { return .standardOutput }
        guard !path.isEmpty else { throw .unusable(path: path, reason: "the path is empty") }
        var status = stat()
        if lstat(path, &status) != 0 {
            guard errno == ENOENT else { throw .unusable(path: path, reason: String(cString: strerror(errno))) }
            let url = URL(fileURLWithPath: path)
            try checkParent(of: url, for: path)
            return .atomicFile(url)
        }
        var real = path
        if (status.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw .unusable(path: path, reason: "it is a symbolic link to nothing (dangling); remove it or point it at a file")
            }
            real = String(cString: resolved)
            free(resolved)
            guard stat(real, &status) == 0 else { throw .unusable(path: path, reason: String(cString: strerror(errno))) }
        }
        let kind = FileKind(mode: status.st_mode)
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .atomicFile(URL(fileURLWithPath: real))
        case S_IFIFO, S_IFCHR: return .writeThrough(URL(fileURLWithPath: real), kind: kind.description)
        default:
            throw .unusable(path: path, reason: "it is \(kind), not a file; name a file (or - for standard output)")
        }
    }

    /// Throws when the folder a new file would go in does not exist or is not a folder.
    private static func checkParent(of url: URL, for path: String) throws(OutputPathError) {
        let parent = url.deletingLastPathComponent().path
        var status = stat()
        guard stat(parent, &status) == 0 else {
            throw .unusable(path: path, reason: "its folder \(parent) does not exist; create it first")
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw .unusable(path: path, reason: "\(parent) is not a folder")
        }
        guard access(parent, W_OK) == 0 else {
            throw .unusable(path: path, reason: "the folder \(parent) is not writable")
        }
    }
}

/// An output path that cannot be written, with why and how to fix it.
package enum OutputPathError: Error, Equatable, CustomStringConvertible, AccidentMLError {
    /// The path names something that is not a writable file (a folder, a socket, a dangling link...).
    case unusable(path: String, reason: String)
    /// Writing failed part-way (disk full, `/dev/full`, a closed pipe); nothing was left half-written
    /// at a file's path.
    case writeFailed(path: String, reason: String)

    package var description: String {
        switch self {
        case .unusable(let path, let reason): "cannot write \(path): \(reason)"
        case .writeFailed(let path, let reason): "writing \(path) failed: \(reason)"
        }
    }

    package var category: ErrorCategory { .output }

    /// Why, without the path (for messages that name it already).
    package var reason: String {
        switch self {
        case .unusable(_, let reason): reason
        case .writeFailed(_, let reason): "writing failed: \(reason)"
        }
    }
}
