import AccidentStore
import ArgumentParser

/// Where the accident database is: `--database-url`, else `DATABASE_URL`, else the `PG_*` variables.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: ArgumentHelp(
        "The PostgreSQL database, postgres://user:password@host:port/database (default: $DATABASE_URL, else the PG_* variables).",
        valueName: "url"))
    var url: String?

    /// The configuration the flag or the environment gives; a missing or bad one is a usage error
    /// naming where it came from (never the password).
    func configuration(environment: [String: String]) throws -> StoreConfiguration {
        func parse(_ text: String, source: String) throws -> StoreConfiguration {
            do { return try StoreConfiguration(url: text) } catch { throw CLIError.usage("\(source): \(error)") }
        }
        if let url { return try parse(url, source: "--database-url") }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return try parse(url, source: "DATABASE_URL") }
        guard environment["PG_USER"].map({ !$0.isEmpty }) == true else {
            throw CLIError.usage("no database given: pass --database-url postgres://user:password@host:port/database, "
                                 + "or set DATABASE_URL, or PG_USER (with PG_HOST, PG_PORT, PG_PASSWORD, PG_DATABASE).")
        }
        do { return try StoreConfiguration(environment: environment) } catch { throw CLIError.usage("\(error)") }
    }
}
