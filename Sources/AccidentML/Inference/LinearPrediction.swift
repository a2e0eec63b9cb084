/// Inference of `LogisticModel`: one BLAS product for the logits of the whole batch, then the
/// SIMD sigmoid or softmax over row chunks; one row goes through dot products, without allocating.
extension LogisticModel: ProbabilisticClassifier {
    /// Rows per chunk of the activation pass, split among the workers.
    static var activationChunkRows: Int { 8192 }

    /// Class probabilities of every row, row-major (`result[r * classCount + k]`).
    ///
    /// `threads` is both the OpenBLAS thread count for the product and the number of workers
    /// of the activation pass; another count may change the summation order of the product
    /// (results equal to ~1e-7). The result matches `predictProbabilities(row:into:)` within
    /// 1e-6 (tested; the logits are summed in another order, the exp is a SIMD polynomial).
    public func predictProbabilities(_ x: FeatureMatrix<Float>, threads: Int) -> [Float] {
        precondition(x.columnCount == featureCount, "the matrix has \(x.columnCount) columns, the model expects \(featureCount)")
        precondition(threads >= 1, "threads must be at least 1")
        let n = x.rowCount, rows = coefficientRowCount, d = featureCount, k = classCount
        guard n > 0 else { return [] }
        var logits = [Float](repeating: 0, count: n * rows)
        x.storage.withUnsafeBufferPointer { xs in
            floatCoefficients.withUnsafeBufferPointer { ws in
                logits.withUnsafeMutableBufferPointer { zs in
                    withOpenBLASThreads(threads) {
                        Float.product(xs.baseAddress!, rows: n, columns: d, times: ws.baseAddress!, outputs: rows,
                                      into: zs.baseAddress!)
                    }
                }
            }
        }
        let chunk = Self.activationChunkRows, chunks = (n + chunk - 1) / chunk
        return [Float](unsafeUninitializedCapacity: n * k) { buffer, initialised in
            let out = buffer  // an immutable copy: the workers must not capture the inout buffer
            logits.withUnsafeBufferPointer { zs in
                floatIntercepts.withUnsafeBufferPointer { bs in
                    ParallelWork.each(min(threads, chunks)) { worker in
                        for c in stride(from: worker, to: chunks, by: min(threads, chunks)) {
                            let range = (c * chunk)..<min(n, (c + 1) * chunk)
                            if rows == 1 {
                                LinearActivation.sigmoid(logits: zs, intercept: bs[0], rows: range, into: out)
                            } else {
                                LinearActivation.softmax(logits: zs, rowCount: n, intercepts: bs, rows: range, into: out)
                            }
                        }
                    }
                }
            }
            initialised = n * k
        }
    }

    /// Class probabilities of one row into `out` (count `classCount`), allocation-free.
    public func predictProbabilities(row: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        precondition(row.count == featureCount && out.count == classCount, "row or output has the wrong count")
        let d = featureCount
        floatCoefficients.withUnsafeBufferPointer { ws in
            func logit(_ j: Int) -> Float {
                d == 0 ? floatIntercepts[j] : Float.dot(count: d, ws.baseAddress! + j * d, row.baseAddress!) + floatIntercepts[j]
            }
            if classCount == 2 {
                let (negative, positive) = LinearActivation.sigmoid(logit(0))
                out[0] = negative
                out[1] = positive
            } else {
                for j in 0..<classCount { out[j] = logit(j) }
                LinearActivation.softmax(out)
            }
        }
    }
}
