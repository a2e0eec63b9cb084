import AccidentML
import AccidentStore

extension DataLoader {
    /// Reads the stored BAAC tables of `years`; an empty selection is a data error that says how to fill it.
    static func loadTables(_ configuration: StoreConfiguration, years: YearRange, log: Log) throws -> BAACTables {
        let t = try DatabaseClient(configuration: configuration).loadTables(years)
        guard !t.accidents.isEmpty else {
            throw CLIError.data("the database \(configuration) holds no accident of \(years). "
                                + "Fix: store BAAC files first with `train ingest FOLDER`, or choose other --years.")
        }
        log.detail("loaded years \(Set(t.accidents.map(\.year)).sorted().map(String.init).joined(separator: ", ")) "
                   + "from the database: \(Format.count(t.accidents.count)) accidents, "
                   + "\(Format.count(t.places.count)) places, \(Format.count(t.vehicles.count)) vehicles, "
                   + "\(Format.count(t.users.count)) persons")
        return t
    }
}
