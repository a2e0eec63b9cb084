extension TrainingReport.SeverityByDepartement {
    /// Groups scored rows by département: rows, observed share of severe classes and mean
    /// predicted probability of a severe class. Rows with a negative code are counted apart.
    init(validation rows: TrainingReport.ScoredRows, classCount: Int, severeClasses: [Int]) {
        precondition(severeClasses.allSatisfy { $0 >= 0 && $0 < classCount }, "severe class out of range")
        var isSevere = [Bool](repeating: false, count: classCount)
        for k in severeClasses { isSevere[k] = true }
        var totals: [Int16: (count: Int, severe: Int, predicted: Double)] = [:]
        var unknown = 0
        rows.probabilities.withUnsafeBufferPointer { p in
            for (r, code) in rows.departements.enumerated() {
                guard code >= 0 else { unknown += 1; continue }
                var predicted = 0.0
                for k in 0..<classCount where isSevere[k] { predicted += Double(p[r * classCount + k]) }
                var t = totals[code, default: (0, 0, 0)]
                t.count += 1
                t.severe += isSevere[Int(rows.labels[r])] ? 1 : 0
                t.predicted += predicted
                totals[code] = t
            }
        }
        self.init(severeClasses: severeClasses.sorted(),
                  departements: totals.keys.sorted().map { code in
                      let t = totals[code]!, n = Double(t.count)
                      return .init(code: code, count: t.count, observedShare: Double(t.severe) / n, predictedShare: t.predicted / n)
                  },
                  rowsWithoutDepartement: unknown)
    }
}
