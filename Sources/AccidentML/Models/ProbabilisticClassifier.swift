/// A trained model that maps feature rows to class probabilities: the seam between the
/// model families (trees, linear) and everything that serves or evaluates them.
public protocol ProbabilisticClassifier: Sendable {
    /// Number of classes; probabilities come `classCount` per row (2 for binary).
    var classCount: Int { get }
    /// Number of feature columns the model expects, in encoder order.
    var featureCount: Int { get }

    /// Class probabilities for every row, row-major: `result[r * classCount + k]`.
    ///
    /// `threads` caps the worker threads (1 = the calling thread only).
    func predictProbabilities(_ x: FeatureMatrix<Float>, threads: Int) -> [Float]

    /// Class probabilities of one row, written into `out` (count `classCount`) without
    /// allocating: the latency path of the server.
    func predictProbabilities(row: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>)
}
