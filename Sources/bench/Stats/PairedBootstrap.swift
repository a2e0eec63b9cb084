import AccidentML

/// A paired bootstrap of the difference in test AUC between two models scored on the same rows:
/// the test rows are drawn with replacement, both models' AUC computed on the same draw, and
/// the spread of the differences says whether one hold-out's Δ AUC is more than the noise of
/// which rows happened to be in it.
struct PairedBootstrap: Equatable, Sendable {
    /// Δ AUC (a − b) on the rows themselves.
    let difference: Double
    /// Standard deviation of Δ AUC over the draws.
    let standardDeviation: Double
    /// 2.5 % and 97.5 % quantiles of Δ AUC over the draws: a 95 % interval.
    let low: Double
    let high: Double
    /// Share of draws where a scores below b.
    let shareBelow: Double
    /// Draws made.
    let draws: Int

    /// Bootstraps the AUC of positive-class probabilities `a` and `b` against 0/1 `labels`,
    /// `draws` times from a `SplitMix64` seeded with `seed` (the same seed gives the same interval).
    init(labels: [Int32], a: [Float], b: [Float], draws: Int, seed: UInt64) {
        precondition(labels.count == a.count && a.count == b.count && !labels.isEmpty, "labels and scores disagree")
        precondition(draws >= 2, "a bootstrap needs at least two draws")
        let auc = ROCAUC()
        func twoClass(_ p: [Float]) -> [Float] { p.flatMap { [1 - $0, $0] } }
        difference = auc.evaluate(probabilities: twoClass(a), labels: labels, classCount: 2)
            - auc.evaluate(probabilities: twoClass(b), labels: labels, classCount: 2)
        var random = SplitMix64(seed: seed)
        let n = labels.count
        var drawnLabels = [Int32](repeating: 0, count: n)
        var drawnA = [Float](repeating: 0, count: 2 * n), drawnB = drawnA
        var differences: [Double] = []
        differences.reserveCapacity(draws)
        for _ in 0..<draws {
            for i in 0..<n {
                let j = Int(random.next() % UInt64(n))
                drawnLabels[i] = labels[j]
                drawnA[2 * i] = 1 - a[j]; drawnA[2 * i + 1] = a[j]
                drawnB[2 * i] = 1 - b[j]; drawnB[2 * i + 1] = b[j]
            }
            differences.append(auc.evaluate(probabilities: drawnA, labels: drawnLabels, classCount: 2)
                               - auc.evaluate(probabilities: drawnB, labels: drawnLabels, classCount: 2))
        }
        let mean = differences.reduce(0, +) / Double(draws)
        standardDeviation = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws - 1)).squareRoot()
        let sorted = differences.sorted()
        low = Summary.quantile(sorted, 0.025)
        high = Summary.quantile(sorted, 0.975)
        shareBelow = Double(differences.filter { $0 < 0 }.count) / Double(draws)
        self.draws = draws
    }

    /// Whether the 95 % interval holds 0: the two models are not told apart by these rows.
    var isTie: Bool { low <= 0 && high >= 0 }
}
