extension ServerConfiguration {
    /// The keys of one set: `environment` (the comma-separated value of `variable`) and the lines
    /// of `file` (blank lines and `#` comments skipped). Throws when the file cannot be read or a
    /// key is shorter than `minimumKeyLength`, naming where that key came from.
    static func keys(environment: String?, variable: String, file: String?,
                     readFile: (String) throws -> String) throws -> [String] {
        var keys: [(key: String, source: String)] = []
        for part in (environment ?? "").split(separator: ",") {
            let key = part.trimmingCharacters(in: .whitespaces)
            if !key.isEmpty { keys.append((key, variable)) }
        }
        if let file {
            let text: String
            do { text = try readFile(file) } catch {
                throw ConfigurationError.unreadableKeyFile(path: file, reason: "\(error.localizedDescription)")
            }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let key = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if !key.isEmpty && !key.hasPrefix("#") { keys.append((key, "\(file):\(n + 1)")) }
            }
        }
        if let weak = keys.first(where: { $0.key.count < minimumKeyLength }) {
            throw ConfigurationError.weakKey(source: weak.source, minimumLength: minimumKeyLength)
        }
        return keys.map(\.key)
    }
}
