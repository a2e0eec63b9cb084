@testable import AccidentML

extension LinearTestData {
    /// Categorical features one-hot encoded as the linear encoder does: feature f takes one of
    /// `levels[f]` values, level l with probability ∝ 1 / (l + 1) (so a 2- or 3-level feature's
    /// first level is on in most rows and its column's majority value is 1), then `numeric`
    /// Gaussian columns (dense: every entry off any baseline). Standardised, when asked, with
    /// the population mean and deviation as the encoder's scaler, so each column's "off" value
    /// is a constant -mean / scale. Labels from a random softmax model.
    static func oneHot(rows: Int, levels: [Int], numeric: Int = 0, classCount: Int, standardised: Bool,
                       seed: UInt64) -> LabeledMatrix<Double> {
        var rng = SplitMix64(seed: seed)
        let columns = levels.reduce(0, +) + numeric
        var storage = [Double](repeating: 0, count: rows * columns)
        var first = 0
        for count in levels {
            let weights = (0..<count).map { 1 / Double($0 + 1) }, total = weights.reduce(0, +)
            for r in 0..<rows {
                var u = rng.nextUnit() * total, level = 0
                while level < count - 1 && u >= weights[level] { u -= weights[level]; level += 1 }
                storage[(first + level) * rows + r] = 1
            }
            first += count
        }
        for c in first..<columns { for r in 0..<rows { storage[c * rows + r] = gaussian(&rng) } }
        if standardised {
            for c in 0..<columns {
                let column = storage[(c * rows)..<((c + 1) * rows)]
                let mean = column.reduce(0, +) / Double(rows)
                let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
                let scale = variance > 0 ? variance.squareRoot() : 1
                for r in 0..<rows { storage[c * rows + r] = (storage[c * rows + r] - mean) / scale }
            }
        }
        let labels = drawLabels(storage, rows: rows, columns: columns, classCount: classCount, rng: &rng)
        return LabeledMatrix(features: FeatureMatrix(rowCount: rows, columnNames: (0..<columns).map { "x\($0)" }, storage: storage),
                             labels: labels, classLabels: (0..<classCount).map { "class\($0)" })
    }
}
