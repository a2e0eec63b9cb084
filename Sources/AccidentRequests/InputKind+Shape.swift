import AccidentML

extension InputKind {
    /// Whether a value of this kind is one scalar (a CSV cell can hold it), not a list.
    var isFlat: Bool {
        switch self {
        case .codeList, .records: return false
        case .code, .integer, .number, .flag, .time: return true
        }
    }
}
