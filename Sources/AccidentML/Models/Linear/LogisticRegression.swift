/// Trains `LogisticModel`s: L2-regularised logistic regression as scikit-learn's
/// `LogisticRegression(solver="lbfgs")`, binary or multinomial (softmax), by L-BFGS with the
/// loss and gradient computed through BLAS. Deterministic for a given `threads`.
///
/// It minimises `C · Σᵢ ωᵢ ℓᵢ + ½‖W‖²` (intercepts not penalised), ωᵢ the sample weight times
/// the class weight; L-BFGS works on that objective divided by `C Σ ωᵢ`, as scikit-learn's does,
/// so `tolerance` means the same as its `tol`.
public struct LogisticRegression: Sendable {
    /// Inverse regularisation strength (scikit-learn's `C`); larger fits the data more closely.
    public var c: Double
    /// Stop when the largest gradient component of the scaled objective is at most this.
    public var tolerance: Double
    /// Most L-BFGS iterations (scikit-learn's `max_iter`).
    public var maxIterations: Int
    /// Whether to fit intercepts (unpenalised); without, they stay 0.
    public var fitIntercept: Bool
    /// Per-class weights of the loss.
    public var classWeights: ClassWeights
    /// OpenBLAS threads and workers of the per-row pass.
    public var threads: Int
    /// Fit through a `SparseDesign` when at most this share of the feature entries differ from
    /// their column's baseline (one-hot data); 0 forces the dense BLAS path, 1 the sparse one.
    var sparseDensityLimit = SparseDesign<Double>.defaultDensityLimit

    /// Creates a trainer; the defaults are scikit-learn's.
    public init(c: Double = 1, tolerance: Double = 1e-4, maxIterations: Int = 100, fitIntercept: Bool = true,
                classWeights: ClassWeights = .uniform, threads: Int = 1) {
        self.c = c
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.fitIntercept = fitIntercept
        self.classWeights = classWeights
        self.threads = threads
    }

    /// Trains on Double features; `sampleWeights` (one per row, >= 0) default to 1.
    public func fit(_ data: LabeledMatrix<Double>, sampleWeights: [Double]? = nil) throws(LogisticRegressionError) -> LogisticFit {
        try train(data, sampleWeights: sampleWeights)
    }

    /// Trains on Float features: BLAS runs in Float (half the memory traffic), the loss in Double.
    public func fit(_ data: LabeledMatrix<Float>, sampleWeights: [Double]? = nil) throws(LogisticRegressionError) -> LogisticFit {
        try train(data, sampleWeights: sampleWeights)
    }

    func train<Scalar: BLASScalar>(_ data: LabeledMatrix<Scalar>,
                                   sampleWeights: [Double]?) throws(LogisticRegressionError) -> LogisticFit {
        try validateParameters()
        let x = data.features
        guard x.rowCount > 0 else { throw .noRows }
        if let bad = x.storage.firstIndex(where: { !$0.isFinite }) {
            let column = bad / x.rowCount
            throw .nonFiniteFeature(row: bad % x.rowCount, column: column, name: x.columnNames[column])
        }
        let weights = try classWeights.rowWeights(labels: data.labels, classLabels: data.classLabels,
                                                  sampleWeights: sampleWeights)
        var objective = LogisticObjective(features: x, labels: data.labels, classCount: data.classCount,
                                          rowWeights: weights, c: c, fitIntercept: fitIntercept, threads: threads,
                                          sparseDensityLimit: sparseDensityLimit)
        let optimizer = LBFGS(gradientTolerance: tolerance, maxIterations: maxIterations)
        let result = optimizer.minimize(&objective, from: [Double](repeating: 0, count: objective.dimension))
        let coefficientCount = objective.rows * x.columnCount
        let model = try LogisticModel(classCount: data.classCount, featureCount: x.columnCount,
                                      coefficients: Array(result.x[..<coefficientCount]),
                                      intercepts: Array(result.x[coefficientCount...]))
        return LogisticFit(model: model, iterations: result.iterations, objective: result.value,
                           gradientMaxNorm: LBFGS.maxAbs(result.gradient), stopReason: result.stopReason)
    }

    /// Checks C, the tolerance, the iteration limit and the threads, naming the first invalid one.
    func validateParameters() throws(LogisticRegressionError) {
        guard c.isFinite, c > 0 else { throw .invalidParameter(name: "C", value: "\(c)", expected: "a finite number > 0") }
        guard tolerance.isFinite, tolerance >= 0 else {
            throw .invalidParameter(name: "tolerance", value: "\(tolerance)", expected: "a finite number >= 0")
        }
        guard maxIterations >= 0 else {
            throw .invalidParameter(name: "maxIterations", value: "\(maxIterations)", expected: "an integer >= 0")
        }
        guard threads >= 1 else { throw .invalidParameter(name: "threads", value: "\(threads)", expected: "an integer >= 1") }
    }
}

/// A trained logistic model with how its training went.
public struct LogisticFit: Sendable {
    /// The model.
    public let model: LogisticModel
    /// L-BFGS iterations done (scikit-learn's `n_iter_`).
    public let iterations: Int
    /// Final value of the scaled objective (mean weighted loss + ‖W‖² / (2 C Σ ωᵢ)).
    public let objective: Double
    /// Largest gradient component at the end, to compare with the tolerance.
    public let gradientMaxNorm: Double
    /// Why L-BFGS stopped; scikit-learn warns when `stopReason.converged` is false.
    public let stopReason: OptimizerStopReason
}
