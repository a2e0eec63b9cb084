import AccidentML
import ArgumentParser
import Foundation

/// `train ingest`: loads BAAC folders into the PostgreSQL accident database, a year at a time.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store BAAC folders in the PostgreSQL accident database, one transaction per year.",
        discussion: """
            Migrates the schema, then replaces each year found (any layout, in the folders and their \
            subfolders) in one transaction: ingesting a year again leaves no duplicates. A bad file or \
            row leaves its year as it was and is named (file and line); the other years are still \
            stored, and the exit status is 65. See docs/database.md.

            Examples:
              train ingest --database-url postgres://user:password@localhost/accidents data/baac
              DATABASE_URL=postgres://… train ingest baac/2019 baac/2020 baac/2021
            """)

    @OptionGroup(title: "Database") var database: DatabaseOptions

    @Flag(help: "Skip bad BAAC rows (and rows that then refer to nothing) instead of refusing their year; they are counted.")
    var skipBadRows = false

    @Argument(help: ArgumentHelp("Folders of official BAAC files, one or many years each.", valueName: "folder"))
    var folders: [String] = []

    @OptionGroup(title: "Run") var options: RunOptions

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("no folder given; name at least one folder of BAAC files.") }
    }

    func run() throws {
        let console = Console.current
        let log = Log(console: console, verbosity: options.verbosity)
        let total = Stopwatch()
        let client = DatabaseClient(configuration: try database.configuration(environment: console.environment))
        let urls = folders.map(console.url)
        for url in urls {
            try InputPath.require(url, isFolder: true, flag: "folder", console: console,
                                  fix: "give a folder holding BAAC files such as caracteristiques-2021.csv.")
        }
        let years = try IngestJob.years(in: urls)
        log.note("ingesting \(years.count) year\(years.count == 1 ? "" : "s") into \(client.configuration)")
        let outcomes = try IngestJob(database: client, skipBadRows: skipBadRows, log: log).run(years)
        if options.verbosity >= .normal {
            console.out.write(Self.summary(outcomes, database: client.configuration.description, seconds: total.seconds))
        }
        let failed = outcomes.filter { $0.failure != nil }
        if let first = failed.first, let reason = first.failure {
            let others = failed.dropFirst().map { String($0.year) }
            throw CLIError.data("year \(first.year) was not ingested (the database keeps its previous rows): \(reason)"
                                + (others.isEmpty ? "" : " Years \(others.joined(separator: ", ")) failed too (see above)."))
        }
    }

    /// Rows per table per year, then the totals.
    static func summary(_ outcomes: [YearIngest], database: String, seconds: Double) -> String {
        var table = Table(header: ["year", "accidents", "places", "vehicles", "users", "skipped", "replaced", "time", "layout"])
        for o in outcomes {
            let layout = o.layouts.map(\.description).joined(separator: ", ")
            if let s = o.summary {
                table.add(["\(o.year)", Format.count(s.accidents), Format.count(s.places), Format.count(s.vehicles),
                           Format.count(s.users), Format.count(o.skipped), Format.count(s.replaced),
                           Format.seconds(o.seconds), layout])
            } else {
                table.add(["\(o.year)", "not ingested", "", "", "", "", "", Format.seconds(o.seconds), layout])
            }
        }
        let stored = outcomes.compactMap(\.summary)
        return table.rendered() + "\n" + Summary.facts([
            ("ingested", "\(stored.count) of \(outcomes.count) years, \(Format.count(stored.reduce(0) { $0 + $1.total })) rows"),
            ("database", database),
            ("time", Format.seconds(seconds)),
        ])
    }
}
