import RealModule

/// scikit-learn's L2-regularised logistic loss, scaled as its lbfgs solver sees it:
///
///     f(W, b) = Σᵢ ωᵢ ℓᵢ / Ω + ‖W‖² / (2 C Ω),  Ω = Σᵢ ωᵢ
///
/// with ℓ the binary (one coefficient row) or multinomial (one row per class) cross-entropy
/// and the intercepts b not penalised. Logits and gradient products go through BLAS on the
/// column-major features, or, when few entries differ from their column's baseline (one-hot
/// data), through a `SparseDesign` in one fused pass (`LogisticObjective+SparsePass.swift`).
/// The per-row loss runs in Double, in fixed row chunks whose partial sums are added in chunk
/// order, so the result does not depend on the thread count.
///
/// Parameter layout: the coefficient rows first (row k at `k * featureCount`, which is the
/// column-major `featureCount` x `rows` matrix BLAS multiplies by), then the `rows` intercepts.
struct LogisticObjective<Scalar: BLASScalar>: DifferentiableObjective {
    let features: [Scalar]
    let rowCount: Int
    let featureCount: Int
    /// Coefficient rows: 1 for binary (the positive class), the class count for multinomial.
    let rows: Int
    let labels: [Int32]
    /// Row weights divided by their total.
    let normalisedWeights: [Double]
    /// 1 / (C Ω): the L2 strength of the scaled objective.
    let penalty: Double
    let fitIntercept: Bool
    let threads: Int
    /// The sparse form of the features, or nil for the dense BLAS path.
    let design: SparseDesign<Scalar>?

    /// Rows per chunk of the per-row pass (fixed, so sums do not depend on `threads`).
    static var chunkRows: Int { 4096 }

    private var weightsScalar: [Scalar]
    /// Logits, then residuals ωᵢ (pᵢₖ - yᵢₖ) / Ω, column-major `rowCount` x `rows` (dense
    /// path); per worker, one chunk's of them (sparse path).
    var logits: [Scalar]
    private var gradientScalar: [Scalar]
    /// Per chunk: the loss, then one residual sum per row (the intercept gradients).
    var partials: [Double]
    /// Sparse path: the coefficients feature-major (feature j's k coefficients contiguous).
    var sparseWeights: [Double]
    /// Sparse path: per chunk, Dᵀ R over its rows, feature-major as `sparseWeights`.
    var chunkGradients: [Double]

    var dimension: Int { rows * (featureCount + 1) }
    var chunkCount: Int { (rowCount + Self.chunkRows - 1) / Self.chunkRows }

    /// `sparseDensityLimit`: use the sparse path when at most this share of the entries differ
    /// from their column's baseline (0 forces the dense path, 1 the sparse one).
    init(features: FeatureMatrix<Scalar>, labels: [Int32], classCount: Int, rowWeights: [Double],
         c: Double, fitIntercept: Bool, threads: Int,
         sparseDensityLimit: Double = SparseDesign<Scalar>.defaultDensityLimit) {
        precondition(labels.count == features.rowCount && rowWeights.count == features.rowCount,
                     "labels and weights must have one entry per row")
        precondition(classCount >= 2, "logistic regression needs at least two classes")
        let total = rowWeights.reduce(0, +)
        precondition(total > 0 && c > 0 && threads >= 1, "weights, C and threads must be positive")
        self.features = features.storage
        self.rowCount = features.rowCount
        self.featureCount = features.columnCount
        self.rows = ClassScores.columns(classCount: classCount)
        self.labels = labels
        self.normalisedWeights = rowWeights.map { $0 / total }
        self.penalty = 1 / (c * total)
        self.fitIntercept = fitIntercept
        self.threads = threads
        let chunks = (rowCount + Self.chunkRows - 1) / Self.chunkRows
        let design = sparseDensityLimit > 0
            ? SparseDesign(features, densityLimit: sparseDensityLimit, threads: threads, blockRows: Self.chunkRows) : nil
        self.design = design
        let dense = design == nil, coefficientCount = rows * featureCount
        weightsScalar = [Scalar](repeating: 0, count: dense ? coefficientCount : 0)
        logits = [Scalar](repeating: 0, count: rows * (dense ? rowCount : min(threads, chunks) * Self.chunkRows))
        gradientScalar = [Scalar](repeating: 0, count: dense ? coefficientCount : 0)
        partials = [Double](repeating: 0, count: chunks * (1 + rows))
        sparseWeights = [Double](repeating: 0, count: dense ? 0 : coefficientCount)
        chunkGradients = [Double](repeating: 0, count: dense ? 0 : chunks * coefficientCount)
    }

    mutating func evaluate(_ x: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(x.count == dimension && gradient.count == dimension, "parameter count mismatch")
        let k = rows, coefficientCount = k * featureCount
        let intercepts = UnsafeBufferPointer(rebasing: x[coefficientCount...])
        if design != nil {
            sparsePass(coefficients: UnsafeBufferPointer(rebasing: x[..<coefficientCount]), intercepts: intercepts,
                       gradient: UnsafeMutableBufferPointer(rebasing: gradient[..<coefficientCount]))
        } else {
            for i in 0..<coefficientCount { weightsScalar[i] = Scalar(x[i]) }
            withOpenBLASThreads(threads) { multiplyFeatures(transposed: false) }
            residualPass(intercepts: intercepts)
            withOpenBLASThreads(threads) { multiplyFeatures(transposed: true) }
            for i in 0..<coefficientCount { gradient[i] = Double(gradientScalar[i]) }
        }

        var loss = 0.0
        var squaredNorm = 0.0
        for i in 0..<coefficientCount {
            gradient[i] += penalty * x[i]
            squaredNorm = Relaxed.multiplyAdd(x[i], x[i], squaredNorm)
        }
        for j in 0..<k { gradient[coefficientCount + j] = 0 }
        for chunk in 0..<chunkCount {
            let base = chunk * (1 + k)
            loss += partials[base]
            if fitIntercept { for j in 0..<k { gradient[coefficientCount + j] += partials[base + 1 + j] } }
        }
        return loss + 0.5 * penalty * squaredNorm
    }

    /// logits = X W (transposed: false), or gradient = Xᵀ R (transposed: true).
    private mutating func multiplyFeatures(transposed: Bool) {
        let n = rowCount, d = featureCount, k = rows
        features.withUnsafeBufferPointer { xs in
            logits.withUnsafeMutableBufferPointer { zs in
                if transposed {
                    gradientScalar.withUnsafeMutableBufferPointer { gs in
                        Scalar.transposedProduct(xs.baseAddress!, rows: n, columns: d, times: zs.baseAddress!, outputs: k,
                                                 into: gs.baseAddress!)
                    }
                } else {
                    weightsScalar.withUnsafeBufferPointer { ws in
                        Scalar.product(xs.baseAddress!, rows: n, columns: d, times: ws.baseAddress!, outputs: k,
                                       into: zs.baseAddress!)
                    }
                }
            }
        }
    }

    /// Turns logits into weighted residuals in place and fills the per-chunk partial sums.
    private mutating func residualPass(intercepts: UnsafeBufferPointer<Double>) {
        let chunks = chunkCount, workers = min(threads, chunks), stride = 1 + rows
        let b = Array(intercepts)  // stay 0 without fitIntercept: their gradient is 0
        let n = rowCount, k = rows
        labels.withUnsafeBufferPointer { ys in
            normalisedWeights.withUnsafeBufferPointer { ws in
                logits.withUnsafeMutableBufferPointer { zBuffer in
                    partials.withUnsafeMutableBufferPointer { pBuffer in
                        // Immutable copies: the workers must not capture the inout buffers.
                        let zs = zBuffer, ps = pBuffer
                        let run = { (worker: Int) in
                            for chunk in Swift.stride(from: worker, to: chunks, by: workers) {
                                let range = (chunk * Self.chunkRows)..<min(n, (chunk + 1) * Self.chunkRows)
                                let out = UnsafeMutableBufferPointer(rebasing: ps[(chunk * stride)..<((chunk + 1) * stride)])
                                Self.residuals(range, z: zs.baseAddress! + range.lowerBound, leading: n, k: k,
                                               y: ys, w: ws, intercepts: b, partial: out)
                            }
                        }
                        ParallelWork.each(workers, run)
                    }
                }
            }
        }
    }

    /// Turns the logits of the rows in `range` into weighted residuals in place and writes the
    /// loss and the residual sums into `partial`. Row `range.lowerBound + i`'s logit for
    /// coefficient row j is `z[j * leading + i]`.
    static func residuals(_ range: Range<Int>, z: UnsafeMutablePointer<Scalar>, leading: Int, k: Int,
                          y: UnsafeBufferPointer<Int32>, w: UnsafeBufferPointer<Double>,
                          intercepts: [Double], partial: UnsafeMutableBufferPointer<Double>) {
        if k == 1 {
            binaryResiduals(range, z: z, y: y, w: w, intercept: intercepts[0], partial: partial)
        } else {
            multinomialResiduals(range, n: leading, k: k, z: z, y: y, w: w, intercepts: intercepts, partial: partial)
        }
    }

    private static func binaryResiduals(_ range: Range<Int>, z: UnsafeMutablePointer<Scalar>,
                                        y: UnsafeBufferPointer<Int32>, w: UnsafeBufferPointer<Double>,
                                        intercept: Double, partial: UnsafeMutableBufferPointer<Double>) {
        var loss = 0.0, residualSum = 0.0
        let first = range.lowerBound
        for r in range {
            let logit = Double(z[r - first]) + intercept
            let e = Double.exp(-abs(logit))
            let softplus = max(logit, 0) + Double.log(onePlus: e)
            let p = logit >= 0 ? 1 / (1 + e) : e / (1 + e)
            let target: Double = y[r] == 1 ? 1 : 0
            loss = Relaxed.multiplyAdd(w[r], softplus - target * logit, loss)
            let residual = w[r] * (p - target)
            residualSum = Relaxed.sum(residualSum, residual)
            z[r - first] = Scalar(residual)
        }
        partial[0] = loss
        partial[1] = residualSum
    }

    private static func multinomialResiduals(_ range: Range<Int>, n: Int, k: Int, z: UnsafeMutablePointer<Scalar>,
                                             y: UnsafeBufferPointer<Int32>, w: UnsafeBufferPointer<Double>,
                                             intercepts: [Double], partial: UnsafeMutableBufferPointer<Double>) {
        for j in 0..<(1 + k) { partial[j] = 0 }
        let first = range.lowerBound
        var loss = 0.0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { e in
            for r in range {
                var top = -Double.infinity
                for j in 0..<k {
                    e[j] = Double(z[j * n + r - first]) + intercepts[j]
                    top = max(top, e[j])
                }
                let label = Int(y[r])
                let labelLogit = e[label]
                var sum = 0.0
                for j in 0..<k {
                    e[j] = Double.exp(e[j] - top)
                    sum += e[j]
                }
                loss = Relaxed.multiplyAdd(w[r], top + Double.log(sum) - labelLogit, loss)
                let scale = w[r] / sum
                for j in 0..<k {
                    let residual = scale * e[j] - (j == label ? w[r] : 0)
                    partial[1 + j] += residual
                    z[j * n + r - first] = Scalar(residual)
                }
            }
        }
        partial[0] = loss
    }
}
