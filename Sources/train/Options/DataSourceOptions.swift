import ArgumentParser

/// Where the data comes from: BAAC folders, or a numeric feature CSV with its labels.
struct DataSourceOptions: ParsableArguments {
    @Option(name: .customLong("baac"), help: ArgumentHelp(
        "A folder of official BAAC files, one or many years in any layout (repeat for several folders).",
        valueName: "folder"))
    var baacFolders: [String] = []

    @Flag(help: "Skip bad BAAC rows (and rows that then refer to nothing) instead of failing; they are counted.")
    var skipBadRows = false

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
        if skipBadRows, baacFolders.isEmpty {
            throw ValidationError("--skip-bad-rows applies to BAAC files; use it with --baac.")
        }
        if baacFolders.isEmpty, features == nil {
            throw ValidationError(labels == nil
                ? "no data given; use --baac FOLDER, or --features X.csv" + (needsLabels ? " --labels y.csv." : ".")
                : "--labels needs its feature file: add --features X.csv.")
        }
        if features != nil, needsLabels, labels == nil {
            throw ValidationError("--features needs its labels here: add --labels y.csv (one column, same rows).")
        }
        if labels != nil, !needsLabels {
            throw ValidationError("this command does not read labels; drop --labels (use `train evaluate` to score against labels).")
        }
    }

    /// The source the flags name, paths resolved against the console's current directory.
    func source(in console: Console) -> DataSource {
        if !baacFolders.isEmpty { return .baac(folders: baacFolders.map(console.url), skipBadRows: skipBadRows) }
        guard let features else { preconditionFailure("check(needsLabels:) runs first") }
        return .features(console.url(features), labels: labels.map(console.url))
    }
}
