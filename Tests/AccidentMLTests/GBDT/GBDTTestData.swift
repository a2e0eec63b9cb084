import Foundation
@testable import AccidentML

/// Small seeded data sets for the GBDT suites.
enum GBDTTestData {
    /// Uniform value in [lo, hi).
    static func uniform(_ rng: inout SplitMix64, _ lo: Double, _ hi: Double) -> Float {
        Float(lo + (hi - lo) * rng.nextUnit())
    }

    /// Two features; class 1 exactly when x0 + 0.5 x1 > 0.3 (a linear rule, separable by steps).
    static func separable(rows: Int, seed: UInt64) -> LabeledMatrix<Float> {
        var rng = SplitMix64(seed: seed)
        var rowsOut: [[Float]] = [], labels: [Int32] = []
        for _ in 0..<rows {
            let a = uniform(&rng, -1, 1), b = uniform(&rng, -1, 1)
            rowsOut.append([a, b])
            labels.append(a + 0.5 * b > 0.3 ? 1 : 0)
        }
        return LabeledMatrix(features: FeatureMatrix(rows: rowsOut, columnNames: ["a", "b"]), labels: labels,
                             classLabels: ["no", "yes"])
    }

    /// XOR of the signs of two features, plus a noise feature.
    static func xor(rows: Int, seed: UInt64) -> LabeledMatrix<Float> {
        var rng = SplitMix64(seed: seed)
        var rowsOut: [[Float]] = [], labels: [Int32] = []
        for _ in 0..<rows {
            let a = uniform(&rng, -1, 1), b = uniform(&rng, -1, 1), noise = uniform(&rng, -1, 1)
            rowsOut.append([a, b, noise])
            labels.append((a > 0) != (b > 0) ? 1 : 0)
        }
        return LabeledMatrix(features: FeatureMatrix(rows: rowsOut, columnNames: ["a", "b", "noise"]),
                             labels: labels, classLabels: ["same", "different"])
    }

    /// Three classes by which third of [0, 3) feature 0 falls in, with a noisy second feature
    /// and a categorical-like third one.
    static func threeClasses(rows: Int, seed: UInt64) -> LabeledMatrix<Float> {
        var rng = SplitMix64(seed: seed)
        var rowsOut: [[Float]] = [], labels: [Int32] = []
        for _ in 0..<rows {
            let a = uniform(&rng, 0, 3), noise = uniform(&rng, 0, 1), code = Float(rng.next() % 4)
            rowsOut.append([a, noise, code])
            labels.append(Int32(min(2, Int(a))))
        }
        return LabeledMatrix(features: FeatureMatrix(rows: rowsOut, columnNames: ["a", "noise", "code"]),
                             labels: labels, classLabels: ["low", "mid", "high"])
    }

    /// A mixed set for determinism and threading checks: signal in a few columns, noise,
    /// some missing values, 10 features.
    static func mixed(rows: Int, seed: UInt64) -> LabeledMatrix<Float> {
        var rng = SplitMix64(seed: seed)
        var rowsOut: [[Float]] = [], labels: [Int32] = []
        for _ in 0..<rows {
            var x = (0..<10).map { _ in uniform(&rng, -2, 2) }
            x[3] = Float(rng.next() % 5)
            let logit = 1.5 * Double(x[0]) - Double(x[1] * x[2]) + (x[3] == 2 ? 1 : 0) + 0.3 * Double(x[4])
            if rng.nextUnit() < 0.1 { x[0] = .nan }
            labels.append(rng.nextUnit() < 1 / (1 + exp(-logit)) ? 1 : 0)
            rowsOut.append(x)
        }
        return LabeledMatrix(features: FeatureMatrix(rows: rowsOut, columnNames: (0..<10).map { "x\($0)" }),
                             labels: labels, classLabels: ["0", "1"])
    }
}
