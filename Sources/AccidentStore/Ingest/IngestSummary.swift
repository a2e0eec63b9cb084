/// How `AccidentStore.ingest` sends rows to the server.
public enum IngestMethod: Sendable, Equatable, CaseIterable {
    /// `COPY … FROM STDIN` (text format), streamed in chunks: the fast path and the default.
    case copy
    /// Multi-row `INSERT … VALUES` statements with binary binds: the plain reference path.
    case insert
}

/// What one `ingest` wrote.
public struct IngestSummary: Sendable, Equatable, CustomStringConvertible {
    /// The year that was replaced.
    public var year: Int
    /// Rows written to `accidents`.
    public var accidents: Int
    /// Rows written to `places`.
    public var places: Int
    /// Rows written to `vehicles`.
    public var vehicles: Int
    /// Rows written to `users`.
    public var users: Int
    /// Rows of that year deleted first, all tables together (0 on a first ingest).
    public var replaced: Int

    /// Creates a summary.
    public init(year: Int, accidents: Int, places: Int, vehicles: Int, users: Int, replaced: Int) {
        self.year = year; self.accidents = accidents; self.places = places; self.vehicles = vehicles
        self.users = users; self.replaced = replaced
    }

    /// All rows written.
    public var total: Int { accidents + places + vehicles + users }

    /// E.g. `2021: 65 accidents, 65 places, 114 vehicles, 175 users (replaced 0 rows)`.
    public var description: String {
        "\(year): \(accidents) accidents, \(places) places, \(vehicles) vehicles, \(users) users (replaced \(replaced) rows)"
    }
}
