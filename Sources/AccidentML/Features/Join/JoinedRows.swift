/// The rows of one prediction unit joined from `BAACTables`, with what the join dropped.
public struct JoinedRows: Sendable {
    /// The unit these rows are of.
    public let unit: PredictionUnit
    /// One row per person (or accident) with a known target, in table order.
    public internal(set) var rows: [FeatureRow]
    /// What the join excluded or could not match.
    public let report: JoinReport

    /// Number of rows.
    public var count: Int { rows.count }

    /// Creates joined rows (the joins and tests build them).
    init(unit: PredictionUnit, rows: [FeatureRow], report: JoinReport) {
        self.unit = unit; self.rows = rows; self.report = report
    }

    /// The given rows, in the given order (for splits before fitting an encoder).
    public func selecting(_ indices: [Int]) -> JoinedRows {
        JoinedRows(unit: unit, rows: indices.map { rows[$0] }, report: report)
    }
}

/// What a join excluded (and so what training does not see) or left partly missing.
public struct JoinReport: Sendable, Equatable, CustomStringConvertible {
    /// Rows produced.
    public var rows = 0
    /// Excluded: person with `grav` -1, or accident with no severe victim and an unknown `grav`
    /// (or no person at all).
    public var unknownSeverity = 0
    /// Excluded: persons (person unit) whose accident is not in the accident table.
    public var withoutAccident = 0
    /// Kept with vehicle fields missing: persons whose vehicle was not found.
    public var withoutVehicle = 0
    /// Kept with place fields missing: rows whose accident has no `lieux` row.
    public var withoutPlace = 0
    /// Ignored repeated keys (accident id, place, vehicle id or number); the first row wins.
    public var duplicateKeys = 0

    /// A one-line summary for logs.
    public var description: String {
        "\(rows) rows; excluded \(unknownSeverity) with unknown severity, \(withoutAccident) without "
            + "accident; \(withoutVehicle) without vehicle, \(withoutPlace) without place; "
            + "\(duplicateKeys) duplicate keys ignored"
    }
}
