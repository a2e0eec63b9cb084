extension TrainingReport {
    /// The validation rows' share of severe outcomes by département, observed and predicted.
    public struct SeverityByDepartement: Codable, Sendable, Equatable {
        /// The class indices that count as severe (e.g. hospitalised and killed).
        public var severeClasses: [Int]
        /// One entry per département present, by increasing code.
        public var departements: [DepartementSeverity]
        /// Rows without a département (code < 0), left out of `departements`.
        public var rowsWithoutDepartement: Int

        /// Creates the table.
        public init(severeClasses: [Int], departements: [DepartementSeverity], rowsWithoutDepartement: Int = 0) {
            self.severeClasses = severeClasses; self.departements = departements
            self.rowsWithoutDepartement = rowsWithoutDepartement
        }
    }

    /// One département's rows, observed severe share and mean predicted severe probability.
    public struct DepartementSeverity: Codable, Sendable, Equatable {
        /// Schema code (`Accident.departement`): 1–95, Corsica 201 (2A) / 202 (2B), overseas 971–988.
        public var code: Int16
        /// Validation rows in the département.
        public var count: Int
        /// Share of those rows whose class is severe.
        public var observedShare: Double
        /// Mean over those rows of the predicted probability of a severe class.
        public var predictedShare: Double

        /// Creates an entry.
        public init(code: Int16, count: Int, observedShare: Double, predictedShare: Double) {
            self.code = code; self.count = count; self.observedShare = observedShare; self.predictedShare = predictedShare
        }
    }
}
