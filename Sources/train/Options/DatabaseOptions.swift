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

/// The years of `--years`: one year (`2021`) or an inclusive range (`2019-2021`).
struct YearRange: ExpressibleByArgument, CustomStringConvertible, Equatable, Sendable {
    /// The years.
    let years: ClosedRange<Int>

    /// Every year the database can hold (its `year` column is a smallint).
    static let all = YearRange(years: 0...Int(Int16.max))

    init(years: ClosedRange<Int>) { self.years = years }

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts[parts.count - 1]),
              Self.all.years.contains(first), Self.all.years.contains(last), first <= last else { return nil }
        years = first...last
    }

    /// `2019–2021`, `2021`, or `all years`.
    var description: String {
        if self == .all { return "all years" }
        return years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
    }
}
