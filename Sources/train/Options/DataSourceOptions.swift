import ArgumentParser

/// Where the data comes from: BAAC folders, the accident database, or a numeric feature CSV with its labels.
struct DataSourceOptions: ParsableArguments {
    @Option(name: .customLong("baac"), help: ArgumentHelp(
        "A folder of official BAAC files, one or many years in any layout (repeat for several folders).",
        valueName: "folder"))
    var baacFolders: [String] = []

    @Flag(help: "Skip bad BAAC rows (and rows that then refer to nothing) instead of failing; they are counted.")
    var skipBadRows = false

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The years to read from the database, e.g. 2021 or 2019-2021 (default: all stored years).",
                               valueName: "years"))
    var years: YearRange?

    /// Whether the database is the source (`--database-url` or `--years`).
    private var usesDatabase: Bool { database.url != nil || years != nil }

    @Option(help: ArgumentHelp("A numeric feature CSV: a header line of column names, then numbers (empty or NaN = missing).",
                               valueName: "X.csv"))
    var features: String?

    @Option(help: ArgumentHelp("The one-column label CSV of --features, same rows in the same order (fit, evaluate).",
                               valueName: "y.csv"))
    var labels: String?

    /// Checks the flag combination; `needsLabels` for commands that score against labels.
    func check(needsLabels: Bool) throws {
        if !baacFolders.isEmpty, features != nil || labels != nil {
            throw ValidationError("--baac and --features/--labels are two data sources; give one of them.")
        }
        if usesDatabase, !baacFolders.isEmpty || features != nil || labels != nil {
            throw ValidationError("--database-url/--years and --\(baacFolders.isEmpty ? "features" : "baac") are two data sources; give one of them.")
        }
        if skipBadRows, baacFolders.isEmpty {
            throw ValidationError("--skip-bad-rows applies to BAAC files; use it with --baac (`train ingest --skip-bad-rows` for the database).")
        }
        if baacFolders.isEmpty, features == nil, !usesDatabase {
            throw ValidationError(labels == nil
                ? "no data given; use --baac FOLDER, --database-url URL [--years 2019-2021], or --features X.csv"
                    + (needsLabels ? " --labels y.csv." : ".")
                : "--labels needs its feature file: add --features X.csv.")
        }
        if features != nil, needsLabels, labels == nil {
            throw ValidationError("--features needs its labels here: add --labels y.csv (one column, same rows).")
        }
        if labels != nil, !needsLabels {
            throw ValidationError("this command does not read labels; drop --labels (use `train evaluate` to score against labels).")
        }
    }

    /// The source the flags name, paths resolved against the console's current directory, the
    /// database's address from the flag or the console's environment.
    func source(in console: Console) throws -> DataSource {
        if !baacFolders.isEmpty { return .baac(folders: baacFolders.map(console.url), skipBadRows: skipBadRows) }
        if usesDatabase {
            return .database(try database.configuration(environment: console.environment), years: years ?? .all)
        }
        guard let features else { preconditionFailure("check(needsLabels:) runs first") }
        return .features(console.url(features), labels: labels.map(console.url))
    }
}
