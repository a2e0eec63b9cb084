import Foundation

extension StoreConfiguration {
    /// The environment variables read by `init(environment:)`, as in the project's `.env`.
    public static let environmentVariables = ["PG_HOST", "PG_PORT", "PG_USER", "PG_PASSWORD", "PG_DATABASE", "PG_SSLMODE", "PG_SCHEMA"]

    /// Parses `postgres://user:password@host:port/database?sslmode=…&connect_timeout=…&schema=…`.
    ///
    /// User and password may be percent-encoded; the port defaults to 5432 and `sslmode` to `prefer`.
    public init(url: String) throws(StoreConfigurationError) {
        guard let components = URLComponents(string: url) else {
            throw .invalidURL(reason: "not a URL (special characters in the password must be percent-encoded)")
        }
        guard let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw .invalidURL(reason: "the scheme must be postgres:// or postgresql://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidURL(reason: "no host (expected postgres://user:password@host:port/database)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidURL(reason: "no user name before '@'")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw .invalidURL(reason: "the path must be exactly one database name, e.g. /accidents")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw .invalidURL(reason: "port \(port) is outside 1...65535")
        }
        self.init(host: host, port: components.port ?? 5432, username: user, password: components.password,
                  database: database)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode": tls = try Self.tlsMode(value, source: "sslmode")
            case "connect_timeout": connectTimeout = .seconds(try Self.timeoutSeconds(value, source: "connect_timeout"))
            case "schema" where !value.isEmpty: schema = value
            default:
                throw .invalidURL(reason: "unsupported parameter '\(item.name)' (supported: sslmode, connect_timeout, schema)")
            }
        }
    }

    /// Reads `PG_HOST` (default `localhost`), `PG_PORT` (5432), `PG_USER`, `PG_PASSWORD` (optional),
    /// `PG_DATABASE` (default `accidents`), `PG_SSLMODE` (default `prefer`) and `PG_SCHEMA` (optional).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreConfigurationError) {
        func value(_ name: String) -> String? {
            guard let v = environment[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        guard let user = value("PG_USER") else { throw .missingEnvironment(variable: "PG_USER") }
        var port = 5432
        if let text = value("PG_PORT") {
            guard let p = Int(text), (1...65535).contains(p) else {
                throw .invalidEnvironment(variable: "PG_PORT", reason: "'\(text)' is not a port number in 1...65535")
            }
            port = p
        }
        self.init(host: value("PG_HOST") ?? "localhost", port: port, username: user,
                  password: environment["PG_PASSWORD"], database: value("PG_DATABASE") ?? "accidents")
        schema = value("PG_SCHEMA")
        if let mode = value("PG_SSLMODE") {
            do { tls = try Self.tlsMode(mode, source: "PG_SSLMODE") } catch {
                throw .invalidEnvironment(variable: "PG_SSLMODE", reason: error.reason)
            }
        }
    }

    private static func tlsMode(_ text: String, source: String) throws(StoreConfigurationError) -> TLSMode {
        guard let mode = TLSMode(rawValue: text) else {
            let allowed = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidURL(reason: "\(source) '\(text)' is not one of \(allowed)")
        }
        return mode
    }

    private static func timeoutSeconds(_ text: String, source: String) throws(StoreConfigurationError) -> Int {
        guard let seconds = Int(text), seconds > 0 else {
            throw .invalidURL(reason: "\(source) '\(text)' must be a positive number of seconds")
        }
        return seconds
    }
}
