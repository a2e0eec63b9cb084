import AccidentML
import Foundation

/// Reads a data source into what the commands need, with notes on what was read.
enum DataLoader {
    /// Reads every BAAC year found in `folders` into one set of tables.
    static func readTables(_ folders: [URL], skipBadRows: Bool, log: Log) throws -> BAACTables {
        var sets: [BAACFileSet] = []
        for folder in folders { sets += try BAACFileSet.find(in: folder) }
        let result = try BAACReader(options: BAACReadOptions(skipBadRows: skipBadRows)).read(sets)
        let t = result.tables
        for set in result.report.fileSets {
            log.detail("read \(set.files.year.map(String.init) ?? "a year") (\(set.layout)) from "
                       + log.console.display(set.files.characteristics.deletingLastPathComponent()))
        }
        log.detail("tables: \(Format.count(t.accidents.count)) accidents, \(Format.count(t.places.count)) places, "
                   + "\(Format.count(t.vehicles.count)) vehicles, \(Format.count(t.users.count)) persons")
        let skipped = result.report.totalSkipped
        if skipped > 0 {
            log.note("skipped \(Format.count(skipped)) bad rows (--skip-bad-rows); first: \(result.report.examples.first.map { "\($0)" } ?? "")")
            for example in result.report.examples.dropFirst() { log.detail("  also skipped: \(example)") }
        }
        return t
    }

    /// The BAAC tables of a BAAC-folder or database source.
    static func loadTables(_ source: DataSource, log: Log) throws -> BAACTables {
        switch source {
        case let .baac(folders, skipBadRows): try readTables(folders, skipBadRows: skipBadRows, log: log)
        case let .database(configuration, years): try loadTables(configuration, years: years, log: log)
        case .features: preconditionFailure("a feature CSV holds no BAAC tables")
        }
    }

    /// Loads the training rows of `source` and, when given, the validation rows of `validation`
    /// (the same kind): feature CSVs share their class indices and must share their header.
    static func loadLabeled(_ source: DataSource, validation: DataSource?, unit: PredictionUnit,
                            log: Log) throws -> (train: LabeledRows, validation: LabeledRows?) {
        switch (source, validation) {
        case (_, nil):
            return (try loadLabeled(source, unit: unit, log: log), nil)
        case let (.features(x, labels?), .features(vx, vy?)?):
            let (train, valid): (LabeledMatrix<Float>, LabeledMatrix<Float>) =
                try NumericCSV.loadLabeled(features: x, labels: labels, validationFeatures: vx, validationLabels: vy)
            log.detail("read \(Format.count(train.features.rowCount)) training and \(Format.count(valid.features.rowCount)) "
                       + "validation rows x \(train.features.columnCount) columns, classes \(train.classLabels.joined(separator: ", "))")
            return (.columns(train), .columns(valid))
        case let (_, validation?):
            return (try loadLabeled(source, unit: unit, log: log), try loadLabeled(validation, unit: unit, log: log))
        }
    }

    /// Loads labelled rows of `unit` (BAAC folders, the database) or a feature CSV with its labels.
    static func loadLabeled(_ source: DataSource, unit: PredictionUnit, log: Log) throws -> LabeledRows {
        switch source {
        case .baac, .database:
            let tables = try loadTables(source, log: log)
            let rows = tables.rows(of: unit)
            log.detail("\(unit) rows: \(rows.report)")
            guard rows.count > 0 else {
                throw CLIError.data("\(source.summary(in: log.console)): no \(unit) row with a known severity. "
                                    + "Fix: give BAAC files whose usagers table has grav codes.")
            }
            return .baac(rows)
        case let .features(x, labels):
            guard let labels else { preconditionFailure("fitting and evaluating need labels") }
            let data: LabeledMatrix<Float> = try NumericCSV.loadLabeled(features: x, labels: labels)
            log.detail("read \(Format.count(data.features.rowCount)) rows x \(data.features.columnCount) columns, "
                       + "classes \(data.classLabels.joined(separator: ", "))")
            return .columns(data)
        }
    }
}
