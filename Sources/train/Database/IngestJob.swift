import AccidentML
import AccidentStore
import Foundation

/// Runs `train ingest`: migrates the database, then reads and stores each BAAC year found, one
/// year (one transaction) at a time, so that memory holds one year and a bad year spoils nothing else.
struct IngestJob {
    /// Where the rows go.
    let database: DatabaseClient
    /// Whether bad rows are skipped (and counted) instead of failing their year.
    let skipBadRows: Bool
    /// Where notes go.
    let log: Log

    /// The BAAC years found in `folders` (and their subfolders), each with its file sets, years ascending.
    static func years(in folders: [URL]) throws -> [(year: Int, sets: [BAACFileSet])] {
        var byYear: [Int: [BAACFileSet]] = [:]
        for folder in folders {
            for set in try BAACFileSet.find(in: folder) {
                guard let year = set.year else { preconditionFailure("BAACFileSet.find names every set's year") }
                byYear[year, default: []].append(set)
            }
        }
        return byYear.keys.sorted().map { ($0, byYear[$0]!) }
    }

    /// Ingests every year; a year whose files or rows are refused is recorded as failed and the
    /// others go on. A database that cannot be reached stops the job (the error is thrown).
    func run(_ years: [(year: Int, sets: [BAACFileSet])]) throws -> [YearIngest] {
        let applied = try database.migrate()
        if !applied.isEmpty { log.note("migrated the schema: applied \(applied.map(String.init).joined(separator: ", "))") }
        var outcomes: [YearIngest] = []
        for (year, sets) in years {
            let watch = Stopwatch()
            var outcome = YearIngest(year: year)
            do {
                let result = try BAACReader(options: BAACReadOptions(skipBadRows: skipBadRows)).read(sets)
                outcome.layouts = result.report.fileSets.map(\.layout)
                outcome.skipped = result.report.totalSkipped
                if outcome.skipped > 0 {
                    log.note("\(year): skipped \(Format.count(outcome.skipped)) bad rows (--skip-bad-rows); first: "
                             + (result.report.examples.first.map { "\($0)" } ?? ""))
                }
                outcome.summary = try database.ingest(result.tables, year: year)
            } catch let error as BAACReadError {
                outcome.failure = CLIError(classifying: error).message
            } catch let error as AccidentStoreError where error.isAboutRows {
                outcome.failure = error.description
            }
            outcome.seconds = watch.seconds
            if let failure = outcome.failure { log.note("\(year): not ingested, the database keeps its previous rows: \(failure)") }
            outcomes.append(outcome)
        }
        return outcomes
    }
}

/// What happened to one year.
struct YearIngest {
    /// The year.
    let year: Int
    /// The layouts its files were read in.
    var layouts: [BAACLayout] = []
    /// Bad rows skipped (`--skip-bad-rows`).
    var skipped = 0
    /// What was stored, when it was.
    var summary: IngestSummary?
    /// Why it was not stored (file and line, or table and row), when it was not.
    var failure: String?
    /// Read and store time.
    var seconds = 0.0
}

extension AccidentStoreError {
    /// Whether the error is about the ingested rows (the year is refused, the database is fine).
    var isAboutRows: Bool {
        switch self {
        case .invalidRow, .rowRejected: true
        default: false
        }
    }
}
