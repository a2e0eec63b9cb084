import AccidentML
import ArgumentParser
import Foundation

/// `train validate`: reads BAAC folders with the core reader and prints its integrity report.
///
/// The retraining pipeline's first step: a year with bad rows stops before anything is stored.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check BAAC folders: rows per table per year, and every bad row with its file and line.",
        discussion: """
            Reads each year found (any layout, in the folders and their subfolders) as `train fit` and \
            `train ingest` would, checking values, quoting and references between the four files. \
            Prints the rows per table for each year, then the bad rows (file:line and what is wrong).

            Exit status: 0 when every year reads cleanly, or with --skip-bad-rows when the bad rows \
            can be skipped; 65 when a row is bad (the message names the first file and line) or a \
            file cannot be used at all; 66 when a folder or a year's file is missing.

            Examples:
              train validate landing/2023
              train validate --skip-bad-rows baac/2019 baac/2020
            """)

    @Flag(help: "Accept bad rows (they are listed and would be skipped by `ingest --skip-bad-rows`): exit 0.")
    var skipBadRows = false

    @Option(help: ArgumentHelp("How many bad rows to list per year (all are counted).", valueName: "n"))
    var maxListed = 20

    @Argument(help: ArgumentHelp("Folders of official BAAC files, one or many years each.", valueName: "folder"))
    var folders: [String] = []

    @OptionGroup(title: "Run") var options: RunOptions

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("no folder given; name at least one folder of BAAC files.") }
        guard maxListed >= 0 else { throw ValidationError("--max-listed must not be negative, got \(maxListed).") }
    }

    func run() throws {
        let console = Console.current
        var sets: [BAACFileSet] = []
        for url in folders.map(console.url) {
            try InputPath.require(url, isFolder: true, flag: "folder", console: console,
                                  fix: "give a folder holding BAAC files such as caracteristiques-2021.csv.")
            sets += try BAACFileSet.find(in: url)
        }
        // Every year is read in full, skipping bad rows, so that the report lists them all.
        let reader = BAACReader(options: BAACReadOptions(skipBadRows: true, maxExamples: maxListed))
        let checks = try sets.map { set in YearCheck(files: set, result: try reader.read(set)) }
        if options.verbosity >= .normal { console.out.write(Self.report(checks, console: console)) }

        let bad = checks.filter { $0.badRows > 0 }
        guard !skipBadRows, let first = bad.first, let example = first.result.report.examples.first else { return }
        let total = bad.reduce(0) { $0 + $1.badRows }
        // The reader's own error for the first bad row, with the flag of its parameter (--skip-bad-rows).
        let firstError = CLIError(classifying: example)
        throw CLIError.data("\(Format.count(total)) bad row\(total == 1 ? "" : "s") in \(bad.count) year\(bad.count == 1 ? "" : "s"); first: "
            + firstError.message)
    }

    /// The rows-per-table table, then the bad rows of each year that has some.
    static func report(_ checks: [YearCheck], console: Console) -> String {
        var table = Table(header: ["year", "layout", "accidents", "places", "vehicles", "users", "bad rows", "folder"])
        for c in checks {
            let t = c.result.tables
            table.add([c.files.year.map(String.init) ?? "-", c.result.report.fileSets.first.map { "\($0.layout)" } ?? "",
                       Format.count(t.accidents.count), Format.count(t.places.count), Format.count(t.vehicles.count),
                       Format.count(t.users.count), Format.count(c.badRows),
                       console.display(c.files.characteristics.deletingLastPathComponent())])
        }
        var text = table.rendered()
        for c in checks where c.badRows > 0 {
            let year = c.files.year.map(String.init) ?? "a year"
            text += "\n\(year): \(Format.count(c.badRows)) bad rows\n"
            for (file, issues) in c.result.report.skippedRows.sorted(by: { $0.key < $1.key }) {
                for (issue, count) in issues.sorted(by: { $0.key < $1.key }) {
                    text += "  \(file): \(Format.count(count)) \(issue.rawValue)\n"
                }
            }
            for example in c.result.report.examples {
                let what = example.description
                text += "  \(what.range(of: " Fix: ").map { String(what[..<$0.lowerBound]) } ?? what)\n"
            }
            if c.result.report.examples.count < c.badRows {
                text += "  ... \(Format.count(c.badRows - c.result.report.examples.count)) more\n"
            }
        }
        let total = checks.reduce(0) { $0 + $1.badRows }
        return text + "\n" + Summary.facts([
            ("years", "\(checks.count)"),
            ("bad rows", total == 0 ? "none" : Format.count(total)),
        ])
    }
}

/// One year's read, for the report.
struct YearCheck {
    /// The year's four files.
    var files: BAACFileSet
    /// What the reader kept, and what it skipped.
    var result: BAACReadResult

    /// Rows skipped as bad (or as referring to a skipped row).
    var badRows: Int { result.report.totalSkipped }
}
