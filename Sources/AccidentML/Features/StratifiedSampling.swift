/// Seeded, stratified row sampling on class labels alone: the hold-out split behind
/// `LabeledMatrix.split` and the folds of cross-validation.
///
/// Working on labels (not matrices) lets callers split rows that are not encoded yet, e.g.
/// joined BAAC rows, so that an encoder is fitted on the training rows only.
public enum StratifiedSampling {
    /// Row indices `(train, test)`, each ascending, with `testFraction` of each class (rounded)
    /// in test.
    public static func split(labels: [Int32], classCount: Int, testFraction: Double,
                             seed: UInt64) -> (train: [Int], test: [Int]) {
        precondition(testFraction > 0 && testFraction < 1, "testFraction must be in (0, 1)")
        var rng = SplitMix64(seed: seed)
        var train: [Int] = [], test: [Int] = []
        for indices in shuffledClasses(labels: labels, classCount: classCount, rng: &rng) {
            let nTest = Int((Double(indices.count) * testFraction).rounded())
            test += indices[..<nTest]
            train += indices[nTest...]
        }
        return (train.sorted(), test.sorted())
    }

    /// `count` folds of row indices, each ascending: every class is shuffled and dealt to the
    /// folds in turn, the deal continuing from class to class, so fold sizes differ by at most
    /// one and each class is spread as evenly as its size allows.
    public static func folds(labels: [Int32], classCount: Int, count: Int, seed: UInt64) -> [[Int]] {
        precondition(count >= 2, "cross-validation needs at least 2 folds, got \(count)")
        precondition(count <= labels.count, "\(count) folds for \(labels.count) rows")
        var rng = SplitMix64(seed: seed)
        var folds = [[Int]](repeating: [], count: count)
        var next = 0
        for indices in shuffledClasses(labels: labels, classCount: classCount, rng: &rng) {
            for r in indices {
                folds[next].append(r)
                next = (next + 1) % count
            }
        }
        return folds.map { $0.sorted() }
    }

    /// The row indices of each class, in class order, each shuffled by `rng` in turn.
    private static func shuffledClasses(labels: [Int32], classCount: Int, rng: inout SplitMix64) -> [[Int]] {
        var byClass = [[Int]](repeating: [], count: classCount)
        for (r, y) in labels.enumerated() {
            precondition(y >= 0 && Int(y) < classCount, "label \(y) at row \(r) is not in 0..<\(classCount)")
            byClass[Int(y)].append(r)
        }
        for k in byClass.indices { byClass[k].shuffle(using: &rng) }
        return byClass
    }
}
