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

    /// Checks the validation data flags against the source: a feature CSV's validation data
    /// needs its labels, BAAC validation data is a folder, the database has none.
    func checkValidation(_ validation: ValidationOptions) throws {
        guard validation.validationData != nil else { return }
        if usesDatabase {
            throw ValidationError("--validation-data applies to --features and --baac; with the database, hold rows out "
                                  + "(--validation-fraction) or use --folds.")
        }
        if features != nil, validation.validationLabels == nil {
            throw ValidationError("--validation-data needs its labels with --features: add --validation-labels y_valid.csv "
                                  + "(one column, same rows).")
        }
        if !baacFolders.isEmpty, validation.validationLabels != nil {
            throw ValidationError("--validation-labels applies to a feature CSV; a BAAC folder given to --validation-data "
                                  + "holds its own severities. Drop --validation-labels.")
        }
    }

    /// The separate validation source of `validation`'s flags, the same kind as the training source; nil without one.
    func validationSource(_ validation: ValidationOptions, in console: Console) -> DataSource? {
        guard let path = validation.validationData else { return nil }
        if features != nil { return .features(console.url(path), labels: validation.validationLabels.map(console.url)) }
        return .baac(folders: [console.url(path)], skipBadRows: skipBadRows)
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
