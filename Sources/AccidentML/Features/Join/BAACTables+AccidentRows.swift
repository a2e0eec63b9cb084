extension BAACTables {
    /// The accident unit: one row per accident with its place and context; target severe (1)
    /// when anyone was killed or hospitalised (`grav` 2 or 3), else 0.
    ///
    /// An accident with no severe victim but a person of unknown `grav`, or with no person,
    /// has no known target: it is counted in `unknownSeverity` and excluded, or, with
    /// `keepingUnknownSeverity` (prediction of new accidents), kept with target -1.
    public func accidentRows(keepingUnknownSeverity: Bool = false) -> JoinedRows {
        let groups = AccidentGroups(self)
        var report = JoinReport(duplicateKeys: groups.duplicateKeys)
        // Outcome per accident, kept apart from the context: bit 1 severe, bit 2 unknown, bit 4 any.
        var outcome = [UInt8](repeating: 0, count: accidents.count)
        for u in users {
            guard let a = groups.indexOfAccident[u.accidentID] else { continue }
            let severe = u.grav == 2 || u.grav == 3
            let known = PredictionUnit.personClass(grav: u.grav) != nil
            outcome[a] |= (severe ? 1 : 0) | (known ? 0 : 2) | 4
        }
        var rows: [FeatureRow] = []
        rows.reserveCapacity(accidents.count)
        for (a, accident) in accidents.enumerated() where groups.indexOfAccident[accident.id] == a {
            let target: Int32
            switch outcome[a] {
            case let o where o & 1 != 0: target = 1
            case 4: target = 0
            default:
                report.unknownSeverity += 1
                guard keepingUnknownSeverity else { continue }
                target = -1
            }
            let place = groups.place(of: a, in: self)
            if place == nil { report.withoutPlace += 1 }
            var row = FeatureRow.missing
            row.accident = accident
            row.place = place ?? Place(accidentID: accident.id)
            row.context = groups.contexts[a]
            row.heaviestOtherVehicle = -1
            row.target = target
            rows.append(row)
        }
        report.rows = rows.count
        return JoinedRows(unit: .accident, rows: rows, report: report)
    }
}
