import RealModule

/// The sparse path: one pass over the deviations D per evaluation, chunk by chunk, fusing
///
///     logits  Z = (bᵀW) + D W                  (Double sums, rounded to Scalar as BLAS's are)
///     residuals R from Z                        (the dense path's per-row code)
///     Dᵀ R over the chunk's rows               (Double, into the chunk's own buffer)
///
/// and then, in chunk order, Xᵀ R = b (Σᵢ Rᵢ) + Σ_chunks (Dᵀ R)_chunk. Every chunk's sums depend
/// on its rows alone and are added in chunk order, so the gradient does not depend on the thread
/// count; the chunk's deviations are still in cache when its scatter reads them again.
extension LogisticObjective {
    /// Whether the objective uses the sparse form of its features.
    var usesSparseDesign: Bool { design != nil }

    /// Fills `partials` as `residualPass` does and writes Xᵀ R into `gradient` (the coefficients').
    mutating func sparsePass(coefficients: UnsafeBufferPointer<Double>, intercepts: UnsafeBufferPointer<Double>,
                             gradient: UnsafeMutableBufferPointer<Double>) {
        guard let design else { preconditionFailure("the sparse pass needs a sparse design") }
        let k = rows, d = featureCount, n = rowCount, chunks = chunkCount, stride = 1 + k, block = Self.chunkRows
        let coefficientCount = k * d, workers = threads
        // bᵀW, and W feature-major so that a deviation's k coefficients are contiguous.
        var base = [Double](repeating: 0, count: k)
        for a in 0..<k {
            for j in 0..<d {
                let w = coefficients[a * d + j]
                sparseWeights[j * k + a] = w
                base[a] = Relaxed.multiplyAdd(Double(design.baselines[j]), w, base[a])
            }
        }
        let b = Array(intercepts)  // stay 0 without fitIntercept: their gradient is 0
        labels.withUnsafeBufferPointer { ys in
            normalisedWeights.withUnsafeBufferPointer { ws in
                design.rowStarts.withUnsafeBufferPointer { starts in
                    design.columnIndices.withUnsafeBufferPointer { columns in
                        design.deviations.withUnsafeBufferPointer { values in
                            sparseWeights.withUnsafeBufferPointer { weights in
                                logits.withUnsafeMutableBufferPointer { zBuffer in
                                    partials.withUnsafeMutableBufferPointer { pBuffer in
                                        chunkGradients.withUnsafeMutableBufferPointer { gBuffer in
                                            // Immutable copies: the workers must not capture the inout buffers.
                                            let zs = zBuffer, ps = pBuffer, gs = gBuffer
                                            let matrix = SparseRows(starts: starts.baseAddress!, columns: columns.baseAddress!,
                                                                    values: values.baseAddress!)
                                            ParallelWork.forEachDynamic(count: chunks, workers: workers) { chunk, worker in
                                                let range = (chunk * block)..<min(n, (chunk + 1) * block)
                                                let z = zs.baseAddress! + worker * k * block
                                                matrix.logits(range, k: k, base: base, weights: weights.baseAddress!,
                                                              into: z, leading: block)
                                                Self.residuals(range, z: z, leading: block, k: k, y: ys, w: ws, intercepts: b,
                                                               partial: UnsafeMutableBufferPointer(
                                                                   rebasing: ps[(chunk * stride)..<((chunk + 1) * stride)]))
                                                matrix.transposedProduct(range, k: k, residuals: z, leading: block,
                                                                         into: gs.baseAddress! + chunk * coefficientCount,
                                                                         count: coefficientCount)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Xᵀ R = b (Σᵢ Rᵢ) + Σ_chunks (Dᵀ R)_chunk, both in chunk order.
        var residualSums = [Double](repeating: 0, count: k)
        for chunk in 0..<chunks {
            for a in 0..<k { residualSums[a] += partials[chunk * stride + 1 + a] }
        }
        for a in 0..<k {
            for j in 0..<d { gradient[a * d + j] = Double(design.baselines[j]) * residualSums[a] }
        }
        for chunk in 0..<chunks {
            let offset = chunk * coefficientCount
            for j in 0..<d {
                for a in 0..<k { gradient[a * d + j] += chunkGradients[offset + j * k + a] }
            }
        }
    }
}
