@testable import AccidentML
import RealModule

/// Seeded synthetic classification sets for the linear tests.
enum LinearTestData {
    /// A standard normal draw (Box–Muller).
    static func gaussian(_ rng: inout SplitMix64) -> Double {
        let u = max(rng.nextUnit(), 1e-300), v = rng.nextUnit()
        return (-2 * Double.log(u)).squareRoot() * Double.cos(2 * .pi * v)
    }

    /// `rows` x `columns` Gaussian features (scaled per column) and labels drawn from a random
    /// softmax model with `classCount` classes, so the optimum is finite and not trivial.
    static func make(rows: Int, columns: Int, classCount: Int, seed: UInt64) -> LabeledMatrix<Double> {
        var rng = SplitMix64(seed: seed)
        let scales = (0..<columns).map { 0.5 + Double($0 % 3) }
        var storage = [Double](repeating: 0, count: rows * columns)
        for c in 0..<columns { for r in 0..<rows { storage[c * rows + r] = scales[c] * gaussian(&rng) } }
        let labels = drawLabels(storage, rows: rows, columns: columns, classCount: classCount, rng: &rng)
        return LabeledMatrix(features: FeatureMatrix(rowCount: rows, columnNames: (0..<columns).map { "x\($0)" }, storage: storage),
                             labels: labels, classLabels: (0..<classCount).map { "class\($0)" })
    }

    /// Labels of column-major features drawn from a random softmax model with `classCount` classes.
    static func drawLabels(_ storage: [Double], rows: Int, columns: Int, classCount: Int, rng: inout SplitMix64) -> [Int32] {
        let truth = (0..<(classCount * columns)).map { _ in gaussian(&rng) / Double(columns).squareRoot() }
        var labels = [Int32](repeating: 0, count: rows)
        for r in 0..<rows {
            var logits = (0..<classCount).map { k in
                (0..<columns).reduce(0.3 * Double(k)) { $0 + truth[k * columns + $1] * storage[$1 * rows + r] }
            }
            let top = logits.max()!
            logits = logits.map { Double.exp($0 - top) }
            var u = rng.nextUnit() * logits.reduce(0, +)
            var k = 0
            while k < classCount - 1 && u >= logits[k] { u -= logits[k]; k += 1 }
            labels[r] = Int32(k)
        }
        return labels
    }
}
