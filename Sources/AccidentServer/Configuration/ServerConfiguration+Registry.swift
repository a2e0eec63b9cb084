import AccidentRegistry

extension ServerConfiguration {
    /// Reads `--follow-alias` (`FOLLOW_ALIAS=true`) and `--poll-interval` (`POLL_INTERVAL`, seconds),
    /// and checks that a registry start-up model has a tracking URI and that following has an alias
    /// to follow, so a replica never starts believing it follows a promotion it cannot see.
    static func resolveRegistry(_ c: inout ServerConfiguration, environment env: (String) -> String?,
                                overrides: Overrides) throws {
        if let text = env("FOLLOW_ALIAS") {
            guard let value = ["true": true, "1": true, "false": false, "0": false][text.lowercased()] else {
                throw ConfigurationError.invalidValue(setting: "FOLLOW_ALIAS", value: text, expected: "true or false")
            }
            c.followAlias = value
        }
        if overrides.followAlias { c.followAlias = true }
        let interval: (String, Double)? = overrides.pollInterval.map { ("--poll-interval", $0) }
            ?? env("POLL_INTERVAL").map { text in ("POLL_INTERVAL", Double(text.trimmingCharacters(in: .whitespaces)) ?? .nan) }
        if let (setting, seconds) = interval {
            guard seconds.isFinite, seconds >= 0.05, seconds <= 86_400 else {
                throw ConfigurationError.invalidValue(setting: setting, value: String(seconds),
                                                      expected: "a number of seconds from 0.05 to 86400")
            }
            c.pollInterval = .milliseconds(Int64((seconds * 1000).rounded()))
        }
        let reference = try c.modelPath.flatMap { text -> ModelReference? in
            guard ModelReference.isReference(text) else { return nil }
            do { return try ModelReference(parsing: text) } catch {
                throw ConfigurationError.invalidValue(setting: "--model", value: text, expected: "\(error)")
            }
        }
        if let reference, c.trackingURI == nil {
            throw ConfigurationError.registryWithoutTrackingURI(model: reference.description)
        }
        if c.followAlias && reference?.alias == nil {
            throw ConfigurationError.invalidValue(
                setting: "--follow-alias", value: c.modelPath ?? "(no --model)",
                expected: "a start-up --model naming a registry alias, models:/NAME@ALIAS, with --tracking-uri")
        }
    }
}
