import AccidentML
import AccidentStore
import Foundation

/// Where a command's data comes from, resolved from the flags.
enum DataSource: Equatable, Sendable {
    /// Folders of official BAAC files (one or many years, any layout).
    case baac(folders: [URL], skipBadRows: Bool)
    /// BAAC years stored in the accident database (`train ingest`).
    case database(StoreConfiguration, years: YearRange)
    /// A numeric feature CSV and, for fitting and evaluating, its one-column label CSV.
    case features(URL, labels: URL?)

    /// A short description for the model metadata and the summary.
    func summary(in console: Console) -> String {
        switch self {
        case let .baac(folders, skip):
            return "BAAC " + folders.map(console.display).joined(separator: ", ") + (skip ? " (bad rows skipped)" : "")
        case let .database(configuration, years):
            return "database \(configuration), \(years)"
        case let .features(x, labels):
            return "features " + console.display(x) + (labels.map { ", labels " + console.display($0) } ?? "")
        }
    }

    /// Fails with exit status 66 when a path does not exist, before any work starts;
    /// `validation` names the `--validation-data` flags in the message.
    func checkInputsExist(in console: Console, validation: Bool = false) throws {
        switch self {
        case let .baac(folders, _):
            for folder in folders {
                try InputPath.require(folder, isFolder: true, flag: validation ? "--validation-data" : "--baac", console: console,
                                      fix: "give a folder holding BAAC files such as caracteristiques-2021.csv.")
            }
        case let .features(x, labels):
            try InputPath.require(x, isFolder: false, flag: validation ? "--validation-data" : "--features", console: console,
                                  fix: "give the path of a numeric CSV file.")
            if let labels {
                try InputPath.require(labels, isFolder: false, flag: validation ? "--validation-labels" : "--labels",
                                      console: console, fix: "give the path of a one-column label CSV.")
            }
        case .database:
            break // reached when loading: the server is the input
        }
    }
}

/// Checks input paths up front, so that a typo fails at once with one clear line.
enum InputPath {
    /// Throws exit status 66 when nothing is at `url`, 64 when a folder is given for a file or back.
    static func require(_ url: URL, isFolder: Bool, flag: String, console: Console, fix: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CLIError.missing(flag, console.display(url), fix: fix)
        }
        guard isDirectory.boolValue == isFolder else {
            throw CLIError.usage("\(flag) \(console.display(url)) is a \(isFolder ? "file" : "folder"), expected a \(isFolder ? "folder" : "file"). Fix: \(fix)")
        }
    }
}

extension InputPath {
    /// Whether a folder exists at `url`.
    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
