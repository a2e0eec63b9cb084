extension BAACTables {
    /// The joined rows of `unit`: one per person, or one per accident.
    public func rows(of unit: PredictionUnit, keepingUnknownSeverity: Bool = false) -> JoinedRows {
        switch unit {
        case .person: personRows(keepingUnknownSeverity: keepingUnknownSeverity)
        case .accident: accidentRows(keepingUnknownSeverity: keepingUnknownSeverity)
        }
    }
}
