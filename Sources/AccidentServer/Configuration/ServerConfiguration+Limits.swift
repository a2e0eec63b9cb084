extension ServerConfiguration {
    /// Values for `ServerLimits` and the access log given on the command line; each wins over its
    /// environment variable. Durations are in seconds.
    public struct LimitOverrides: Sendable, Equatable {
        /// `--max-connections`: overrides `MAX_CONNECTIONS`.
        public var maxConnections: Int?
        /// `--header-timeout`: overrides `HEADER_TIMEOUT`.
        public var headerTimeout: Double?
        /// `--body-timeout`: overrides `BODY_TIMEOUT`.
        public var bodyTimeout: Double?
        /// `--idle-timeout`: overrides `IDLE_TIMEOUT`.
        public var idleTimeout: Double?
        /// `--shutdown-timeout`: overrides `SHUTDOWN_TIMEOUT`.
        public var shutdownTimeout: Double?
        /// `--max-model-bytes`: overrides `MAX_MODEL_BYTES`.
        public var maxModelBytes: Int?
        /// `--access-log-sample`: overrides `ACCESS_LOG_SAMPLE`.
        public var accessLogSample: Double?
        /// Creates empty overrides.
        public init() {}
    }

    /// Reads `MAX_CONNECTIONS`, `HEADER_TIMEOUT`, `BODY_TIMEOUT`, `IDLE_TIMEOUT`, `SHUTDOWN_TIMEOUT`,
    /// `MAX_MODEL_BYTES` and `ACCESS_LOG_SAMPLE`, then the flags.
    static func resolveLimits(_ c: inout ServerConfiguration, environment env: (String) -> String?,
                              overrides o: LimitOverrides) throws(ConfigurationError) {
        func number(_ flag: String, _ variable: String, _ given: Double?, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double? {
            let (setting, value): (String, Double)
            if let given { (setting, value) = (flag, given) } else if let text = env(variable) {
                (setting, value) = (variable, Double(text.trimmingCharacters(in: .whitespaces)) ?? .nan)
            } else { return nil }
            guard value.isFinite, range.contains(value) else {
                throw .invalidValue(setting: setting, value: given.map { String($0) } ?? env(variable) ?? "",
                                    expected: "a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        func seconds(_ flag: String, _ variable: String, _ given: Double?) throws(ConfigurationError) -> Duration? {
            try number(flag, variable, given, in: 0.01...86_400).map { .milliseconds(Int64(($0 * 1000).rounded())) }
        }
        if let n = try number("--max-connections", "MAX_CONNECTIONS", o.maxConnections.map(Double.init), in: 1...1_000_000) {
            c.limits.maxConnections = Int(n)
        }
        c.limits.headerTimeout = try seconds("--header-timeout", "HEADER_TIMEOUT", o.headerTimeout) ?? c.limits.headerTimeout
        c.limits.bodyTimeout = try seconds("--body-timeout", "BODY_TIMEOUT", o.bodyTimeout) ?? c.limits.bodyTimeout
        c.limits.idleTimeout = try seconds("--idle-timeout", "IDLE_TIMEOUT", o.idleTimeout) ?? c.limits.idleTimeout
        c.limits.shutdownTimeout = try seconds("--shutdown-timeout", "SHUTDOWN_TIMEOUT", o.shutdownTimeout) ?? c.limits.shutdownTimeout
        if let n = try number("--max-model-bytes", "MAX_MODEL_BYTES", o.maxModelBytes.map(Double.init), in: 1024...1e12) {
            c.limits.maxModelBytes = Int(n)
        }
        c.accessLogSample = try number("--access-log-sample", "ACCESS_LOG_SAMPLE", o.accessLogSample, in: 0...1)
            ?? c.accessLogSample
    }
}
