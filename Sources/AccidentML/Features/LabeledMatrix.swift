/// Features with their class labels: what a model trains and is evaluated on.
public struct LabeledMatrix<Scalar: BinaryFloatingPoint & SIMDScalar & Sendable>: Sendable {
    /// The features, one row per sample.
    public var features: FeatureMatrix<Scalar>
    /// Class index of each row, in `0..<classLabels.count`.
    public var labels: [Int32]
    /// What each class index means, e.g. `["not severe", "severe"]` or the `grav` codes.
    public var classLabels: [String]

    /// Number of classes.
    public var classCount: Int { classLabels.count }

    /// Creates labelled data; labels must be class indices below `classLabels.count`.
    public init(features: FeatureMatrix<Scalar>, labels: [Int32], classLabels: [String]) {
        precondition(labels.count == features.rowCount,
                     "\(labels.count) labels for \(features.rowCount) rows")
        precondition(labels.allSatisfy { $0 >= 0 && Int($0) < classLabels.count },
                     "labels must be in 0..<\(classLabels.count)")
        self.features = features
        self.labels = labels
        self.classLabels = classLabels
    }

    /// The given rows, in order.
    public func selecting(rows indices: [Int]) -> LabeledMatrix {
        LabeledMatrix(features: features.selecting(rows: indices),
                      labels: indices.map { labels[$0] }, classLabels: classLabels)
    }

    /// A seeded, stratified split into (train, test) with `testFraction` of each class in test.
    public func split(testFraction: Double, seed: UInt64) -> (train: LabeledMatrix, test: LabeledMatrix) {
        precondition(testFraction > 0 && testFraction < 1, "testFraction must be in (0, 1)")
        var rng = SplitMix64(seed: seed)
        var train: [Int] = [], test: [Int] = []
        for k in 0..<classCount {
            var idx = labels.indices.filter { Int(labels[$0]) == k }
            idx.shuffle(using: &rng)
            let nTest = Int((Double(idx.count) * testFraction).rounded())
            test += idx[..<nTest]
            train += idx[nTest...]
        }
        return (selecting(rows: train.sorted()), selecting(rows: test.sorted()))
    }
}
