#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one folder a reload by file path may read from (`--model-dir`, `MODEL_DIR`).
///
/// A requested path is confined twice: lexically (`..` resolved without touching the disk, so
/// `../etc/passwd` is refused before any lookup) and after resolving symbolic links (so a link
/// inside the folder that points outside it is refused too). Relative paths are taken from the
/// folder. The file loaded is the resolved one, whose every component was checked.
struct ModelFolder: Sendable, Equatable {
    /// The folder as configured, made absolute and lexically normalised.
    let configured: String
    /// The folder with its symbolic links resolved.
    let real: String

    /// Checks that `path` is an existing folder; throws `ConfigurationError.unusableModelDirectory` otherwise.
    init(_ path: String) throws(ConfigurationError) {
        configured = Self.normalised(Self.absolute(path))
        guard let real = Self.realPath(configured) else {
            throw .unusableModelDirectory(path: path, reason: "it does not exist or cannot be read")
        }
        var status = stat()
        guard stat(real, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw .unusableModelDirectory(path: path, reason: "it is not a folder")
        }
        self.real = real
    }

    /// The real path of the model file `requested` names, when it lies below this folder.
    ///
    /// Throws 403 `path_outside_model_dir` when the path, or the file a link leads to, is outside
    /// the folder, and 422 `model_load_failed` when nothing is there.
    func confine(_ requested: String) throws(APIError) -> String {
        guard !requested.isEmpty, !requested.utf8.contains(0) else {
            throw .modelLoadFailed(path: requested, ModelFolderError.emptyPath)
        }
        let lexical = Self.normalised(requested.hasPrefix("/") ? requested : configured + "/" + requested)
        guard Self.isBelow(lexical, configured) || Self.isBelow(lexical, real) else {
            throw .pathOutsideModelFolder(requested, folder: configured, link: false)
        }
        guard let resolved = Self.realPath(lexical) else {
            throw .modelLoadFailed(path: requested, ModelFolderError.noSuchFile)
        }
        guard Self.isBelow(resolved, real) else {
            throw .pathOutsideModelFolder(requested, folder: configured, link: true)
        }
        return resolved
    }

    /// Whether `path` is strictly inside `folder` (both absolute and normalised).
    static func isBelow(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path.count > 1 : path.hasPrefix(folder + "/")
    }

    /// `path` made absolute from the working directory.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return "/" + path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }

    /// An absolute path with `.`, `..` and repeated slashes removed, without looking at the disk;
    /// `..` at the root stays at the root, as the kernel does.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `realpath(3)`: the absolute path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Why a requested model path names no file.
enum ModelFolderError: Error, CustomStringConvertible {
    case emptyPath
    case noSuchFile

    var description: String {
        switch self {
        case .emptyPath: "the path is empty or holds a NUL byte"
        case .noSuchFile: "no such file in the model folder"
        }
    }
}
