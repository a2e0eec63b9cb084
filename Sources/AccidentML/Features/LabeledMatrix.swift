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
        let (train, test) = StratifiedSampling.split(labels: labels, classCount: classCount,
                                                     testFraction: testFraction, seed: seed)
        return (selecting(rows: train), selecting(rows: test))
    }
}
