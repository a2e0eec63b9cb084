import Foundation
import Testing
@testable import AccidentML

@Suite struct LinearContributionsTests {
    @Test(arguments: [2, 3])
    func contributionsAreCoefficientTimesValueAndSumToTheLogit(classes: Int) throws {
        var rng = SplitMix64(seed: 11)
        let rows = (0..<300).map { _ in (0..<4).map { _ in Float(rng.nextUnit() * 4 - 2) } }
        let labels = rows.map { r in Int32(classes == 2 ? (r[0] - r[1] > 0 ? 1 : 0) : (Int(r[0] + 2) % classes)) }
        let data = LabeledMatrix(features: FeatureMatrix(rows: rows, columnNames: ["a", "b", "c", "d"]), labels: labels,
                                 classLabels: (0..<classes).map(String.init))
        let model = try LogisticRegression(c: 1).fit(data).model
        for x in rows.prefix(20) {
            let scores = x.withUnsafeBufferPointer { model.contributions(row: $0) }
            #expect(scores.count == (classes == 2 ? 1 : classes))
            var p = [Float](repeating: 0, count: classes)
            x.withUnsafeBufferPointer { row in p.withUnsafeMutableBufferPointer { model.predictProbabilities(row: row, into: $0) } }
            for (j, score) in scores.enumerated() {
                #expect(score.baseline == model.intercepts[j])
                for f in 0..<4 { #expect(score.values[f] == model.coefficients[j * 4 + f] * Double(x[f])) }
            }
            // The Double totals are the exact logits; the Float probabilities carry the logit's and
            // the activation's rounding (LinearRoundingBound), on any BLAS kernel.
            let features = x.map { Double($0) }
            if classes == 2 {
                #expect(scores[0].classIndex == 1)
                // log(p₁ / p₀) = the Float logit, up to p₀ and p₁'s relative errors (≤ 5 u each:
                // exp, 1 + e, the division, the product).
                let bound = LinearRoundingBound.logit(model, row: features) + 10 * LinearRoundingBound.unit
                #expect(abs(scores[0].total - log(Double(p[1]) / Double(p[0]))) <= bound)
            } else {  // softmax of the totals gives the probabilities
                let totals = scores.map(\.total), top = totals.max()!
                let e = totals.map { exp($0 - top) }, sum = e.reduce(0, +)
                let bound = LinearRoundingBound.probability(model, row: features, expError: LinearRoundingBound.libmExpError)
                for k in 0..<classes { #expect(abs(e[k] / sum - Double(p[k])) <= bound) }
            }
        }
    }
}
