/// Why a model file could not be read or written; each description says what, where and how to fix.
public enum ModelFileError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file does not start with the AccidentML magic bytes.
    case notAModelFile(path: String)
    /// The file's format version is not one this library reads.
    case unsupportedVersion(path: String, found: UInt32, supported: ClosedRange<UInt32>)
    /// The file ends before a structure it declares (a partial copy or download).
    case truncated(path: String, offset: Int, needed: Int, available: Int)
    /// The stored checksum does not match the bytes (the file was altered or damaged).
    case checksumMismatch(path: String, stored: UInt32, computed: UInt32)
    /// A section the model needs is absent.
    case missingSection(path: String, tag: String)
    /// A section is present but its content is invalid.
    case invalidSection(path: String, tag: String, reason: String)
    /// The file holds another kind of model than the caller asked for.
    case wrongKind(path: String, expected: String, found: String)
    /// The file could not be read or written at all.
    case io(path: String, reason: String)
    /// The file is larger than the loader accepts (a wrong file, or a limit set too low).
    case tooLarge(path: String, size: Int, limit: Int)
    /// The path names a folder, FIFO, device or socket, not a model file.
    case notARegularFile(path: String, kind: String)

    /// What went wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case .notAModelFile(let path):
            return "\(path): not an AccidentML model file (bad magic bytes); pass a file written by `train fit`."
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path): model format version \(found) is not supported (this build reads \(supported.lowerBound)–\(supported.upperBound)); retrain the model with this version or upgrade AccidentML."
        case .truncated(let path, let offset, let needed, let available):
            return "\(path): truncated at byte \(offset): needed \(needed) more bytes, only \(available) left; the file is incomplete, copy or download it again."
        case .checksumMismatch(let path, let stored, let computed):
            return "\(path): checksum mismatch (stored \(hex(stored)), computed \(hex(computed))); the file is damaged, copy it again or retrain."
        case .missingSection(let path, let tag):
            return "\(path): required section '\(tag)' is missing; the file was not written by a complete `train fit`."
        case .invalidSection(let path, let tag, let reason):
            return "\(path): section '\(tag)' is invalid: \(reason)."
        case .wrongKind(let path, let expected, let found):
            return "\(path): holds a \(found) model, expected \(expected)."
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .tooLarge(let path, let size, let limit):
            return "\(path): the file has \(size) bytes, more than the \(limit) a model file may have; check that it is a model file, or raise the limit (accident-server --max-model-bytes, MAX_MODEL_BYTES)."
        case .notARegularFile(let path, let kind):
            return "\(path): is \(kind), not a model file; pass the path of a `.aml` file written by `train fit`."
        }
    }
}

private func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
}

extension ModelFileError: AccidentMLError {
    /// A file that cannot be read or written is a missing input; a damaged or foreign file is bad data.
    public var category: ErrorCategory {
        switch self {
        case .io, .notARegularFile: .missingInput
        default: .data
        }
    }
}
