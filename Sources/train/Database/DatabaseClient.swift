import AccidentML
import AccidentStore
import Logging

/// The accident store as the tool uses it: blocking calls (see `AsyncBridge`), and no log
/// output of its own: the tool reports through its notes, its summary and its errors.
struct DatabaseClient {
    /// Where the database is (its description masks the password).
    let configuration: StoreConfiguration
    private let store: AccidentStore

    init(configuration: StoreConfiguration) {
        self.configuration = configuration
        store = AccidentStore(configuration: configuration,
                              logger: Logger(label: "train.database", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Brings the schema up to date; returns the migration versions applied now.
    func migrate() throws -> [Int] {
        let store = store
        return try AsyncBridge.wait { try await store.migrate() }
    }

    /// Replaces `year` with `tables`, in one transaction.
    func ingest(_ tables: BAACTables, year: Int) throws -> IngestSummary {
        let store = store
        return try AsyncBridge.wait { try await store.ingest(tables, year: year) }
    }

    /// The stored tables of `years`, in file order.
    func loadTables(_ years: YearRange) throws -> BAACTables {
        let store = store
        return try AsyncBridge.wait { try await store.loadTables(years: years.years) }
    }
}
