/// A trained logistic regression: linear logits turned into probabilities by a sigmoid
/// (two classes) or a softmax (more), as scikit-learn's `LogisticRegression`.
///
/// The parameters are plain arrays so that a model file can store them as they are.
public struct LogisticModel: Equatable, Sendable {
    /// Number of classes (2 for binary).
    public let classCount: Int
    /// Number of feature columns, in encoder order.
    public let featureCount: Int
    /// Row-major coefficients, `coefficientRowCount` x `featureCount`: for two classes one row,
    /// the positive class's (index 1); otherwise one row per class.
    public let coefficients: [Double]
    /// One intercept per coefficient row.
    public let intercepts: [Double]

    /// Float copies for inference on `FeatureMatrix<Float>`; the same layout, which BLAS
    /// reads as the column-major `featureCount` x `coefficientRowCount` matrix.
    let floatCoefficients: [Float]
    let floatIntercepts: [Float]

    /// Coefficient rows: 1 for binary, `classCount` for multinomial.
    public var coefficientRowCount: Int { Self.coefficientRows(classCount: classCount) }

    /// Creates a model from its parameters, e.g. read back from a model file.
    ///
    /// Throws `invalidModel` when the counts do not match or a value is not finite.
    public init(classCount: Int, featureCount: Int, coefficients: [Double],
                intercepts: [Double]) throws(LogisticRegressionError) {
        guard classCount >= 2, featureCount >= 0 else {
            throw .invalidModel("\(classCount) classes and \(featureCount) features; need >= 2 classes and >= 0 features")
        }
        let rows = Self.coefficientRows(classCount: classCount)
        guard coefficients.count == rows * featureCount, intercepts.count == rows else {
            throw .invalidModel("\(coefficients.count) coefficients and \(intercepts.count) intercepts for "
                + "\(classCount) classes x \(featureCount) features; expected \(rows * featureCount) and \(rows)")
        }
        if let bad = (coefficients + intercepts).firstIndex(where: { !$0.isFinite }) {
            throw .invalidModel("parameter \(bad) (coefficients then intercepts) is not finite")
        }
        self.classCount = classCount
        self.featureCount = featureCount
        self.coefficients = coefficients
        self.intercepts = intercepts
        floatCoefficients = coefficients.map { Float($0) }
        floatIntercepts = intercepts.map { Float($0) }
    }

    static func coefficientRows(classCount: Int) -> Int { ClassScores.columns(classCount: classCount) }

    /// Equal shapes and parameters (the Float copies follow from the Double ones).
    public static func == (lhs: LogisticModel, rhs: LogisticModel) -> Bool {
        lhs.classCount == rhs.classCount && lhs.featureCount == rhs.featureCount
            && lhs.coefficients == rhs.coefficients && lhs.intercepts == rhs.intercepts
    }
}
