import AccidentStore
import Foundation
import Testing
@testable import train

/// The database flags: the source they name, and flags and addresses that cannot work, which fail
/// at once with one line and a distinct status (no server needed).
@Suite struct DatabaseFlagTests {
    /// A URL to a loopback port where nothing listens (port 1), with a password to look for.
    static let downURL = "postgres://someone:s3cr3t-pw@127.0.0.1:1/accidents?sslmode=disable&connect_timeout=5"

    static func failure(_ s: CLISandbox, _ arguments: [String], status: Int32, environment: [String: String] = [:],
                        sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = s.run(arguments, environment: environment)
        #expect(result.status == status, "\(arguments): \(result.err)", sourceLocation: sourceLocation)
        let errors = result.errorLines.filter { $0.hasPrefix("train: error: ") }
        #expect(errors.count == 1 && result.errorLines.last == errors.first, "\(result.err)", sourceLocation: sourceLocation)
        #expect(result.out.isEmpty, sourceLocation: sourceLocation)
        #expect(!result.err.contains("s3cr3t-pw"), "the password was printed", sourceLocation: sourceLocation)
        return errors.first ?? ""
    }

    @Test func aServerThatIsDownExits69() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "50", "--output", "g", "-q"]).status == 0)
        let ingest = Self.failure(s, ["ingest", "--database-url", Self.downURL, "g"], status: 69)
        #expect(ingest.contains("migrate: database unavailable") && ingest.contains("127.0.0.1:1"), "\(ingest)")
        let fit = Self.failure(s, ["fit", "--database-url", Self.downURL, "--years", "2021", "--output", "r"], status: 69)
        #expect(fit.contains("database unavailable") && fit.contains("check that PostgreSQL is running"), "\(fit)")
        let fromEnvironment = Self.failure(s, ["ingest", "g"], status: 69, environment: ["DATABASE_URL": Self.downURL])
        #expect(fromEnvironment.contains("database unavailable"))
        #expect(try s.listing() == ["g"], "nothing written")
    }

    @Test func badAddressesAreUsageErrors() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "50", "--output", "g", "-q"]).status == 0)
        #expect(Self.failure(s, ["ingest", "--database-url", "http://someone:s3cr3t-pw@host/db", "g"], status: 64)
            .contains("--database-url: invalid database URL: the scheme must be postgres://"))
        #expect(Self.failure(s, ["ingest", "g"], status: 64, environment: ["DATABASE_URL": "postgres://host/db"])
            .contains("DATABASE_URL: invalid database URL: no user name"))
        #expect(Self.failure(s, ["ingest", "g"], status: 64).contains("no database given"))
        #expect(Self.failure(s, ["fit", "--years", "2021"], status: 64).contains("set DATABASE_URL"))
        #expect(Self.failure(s, ["ingest", "g"], status: 64, environment: ["PG_USER": "u", "PG_PORT": "99999"])
            .contains("PG_PORT"))
    }

    @Test func badFlagsAreUsageErrors() throws {
        let s = try CLISandbox()
        #expect(Self.failure(s, ["ingest", "--database-url", Self.downURL], status: 64).contains("no folder given"))
        #expect(Self.failure(s, ["ingest", "--database-url", Self.downURL, "absent"], status: 66).contains("absent"))
        #expect(Self.failure(s, ["fit", "--database-url", Self.downURL, "--baac", "d"], status: 64).contains("two data sources"))
        #expect(Self.failure(s, ["fit", "--years", "2021", "--features", "X.csv", "--labels", "y.csv"], status: 64)
            .contains("two data sources"))
        for years in ["2021-2019", "twenty", "2019-2020-2021", "-5"] {
            #expect(Self.failure(s, ["fit", "--database-url", Self.downURL, "--years", years], status: 64).contains("--years"))
        }
        #expect(Self.failure(s, ["fit", "--database-url", Self.downURL, "--skip-bad-rows"], status: 64).contains("train ingest"))
    }

    @Test func databaseFlagsBecomeASource() throws {
        let console = Console(out: TextOutput(), err: TextOutput(), currentDirectory: URL(fileURLWithPath: "/data"),
                              executableURL: nil, environment: ["DATABASE_URL": "postgres://env:pw@db.example/accidents"])
        let flagged = try #require(try TrainCommand.parseAsRoot(["fit", "--database-url", Self.downURL, "--years", "2019-2021"])
            as? FitCommand)
        #expect(try flagged.data.source(in: console) == .database(try StoreConfiguration(url: Self.downURL),
                                                                  years: YearRange(years: 2019...2021)))
        let fromEnvironment = try #require(try TrainCommand.parseAsRoot(["evaluate", "--model", "m.aml", "--years", "2021"])
            as? EvaluateCommand)
        #expect(try fromEnvironment.data.source(in: console) == .database(
            try StoreConfiguration(url: "postgres://env:pw@db.example/accidents"), years: YearRange(years: 2021...2021)))
        let allYears = try #require(try TrainCommand.parseAsRoot(["predict", "--model", "m.aml", "--database-url", Self.downURL])
            as? PredictCommand)
        let source = try allYears.data.source(in: console)
        #expect(source == .database(try StoreConfiguration(url: Self.downURL), years: .all))
        #expect(source.summary(in: console) == "database postgres://someone:***@127.0.0.1:1/accidents?sslmode=disable, all years")
    }

    @Test func yearRangesParse() {
        #expect(YearRange(argument: "2021")?.years == 2021...2021)
        #expect(YearRange(argument: "2019-2021")?.years == 2019...2021)
        #expect(YearRange(argument: "2021-2019") == nil && YearRange(argument: "") == nil && YearRange(argument: "2019-") == nil)
        #expect(YearRange(argument: "40000") == nil)
        #expect(YearRange(argument: "2019-2021")?.description == "2019–2021" && YearRange.all.description == "all years")
    }
}
