/// Why writing a BAAC year failed; no partial set of files is left behind in any case.
public enum BAACWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The destination or staging folder could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A staging file could not be created or opened.
    case cannotCreateFile(path: String, reason: String)
    /// Writing bytes to a staging file failed (disk full, quota, I/O error...).
    case writeFailed(path: String, reason: String)
    /// Moving a finished file into place failed; the previous files were restored.
    case cannotReplace(path: String, reason: String)

    /// What failed, where, and how to fix it.
    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            "cannot create folder \(path): \(reason). Check that the parent exists and is writable."
        case let .cannotCreateFile(path, reason):
            "cannot create file \(path): \(reason). Check the folder's permissions and free space."
        case let .writeFailed(path, reason):
            "writing \(path) failed: \(reason). Check free disk space and quotas, then write the year again;"
                + " nothing was put in place."
        case let .cannotReplace(path, reason):
            "cannot move the new file into place at \(path): \(reason). Make sure that path is not a folder"
                + " and that the folder is writable; the previous files (if any) were left unchanged."
        }
    }
}

extension BAACWriteError: AccidentMLError {
    /// Always an output that cannot be written.
    public var category: ErrorCategory { .output }
}
