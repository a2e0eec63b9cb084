import AccidentML

/// scikit-learn's `StandardScaler` fitted on training rows: subtract the mean, divide by the
/// population standard deviation; a constant column keeps scale 1 (as `year_acc` does).
struct Standardizer {
    let means: [Double]
    let scales: [Double]

    /// Column means and standard deviations of `x`, two passes in Double.
    init(fittedOn x: FeatureMatrix<Float>) {
        var means: [Double] = [], scales: [Double] = []
        for c in 0..<x.columnCount {
            let (mean, std) = x.withColumn(c) { column -> (Double, Double) in
                let n = Double(column.count)
                let mean = column.reduce(0.0) { $0 + Double($1) } / n
                let variance = column.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
                return (mean, variance.squareRoot())
            }
            means.append(mean)
            scales.append(std > 10 * Double.ulpOfOne ? std : 1)
        }
        self.means = means
        self.scales = scales
    }

    /// `x` standardised column by column.
    func apply(_ x: FeatureMatrix<Float>) -> FeatureMatrix<Float> {
        precondition(x.columnCount == means.count, "the standardizer was fitted on \(means.count) columns, got \(x.columnCount)")
        var out = x
        let n = x.rowCount
        out.storage.withUnsafeMutableBufferPointer { values in
            for c in 0..<means.count {
                let mean = means[c], scale = scales[c]
                for r in 0..<n { values[c * n + r] = Float((Double(values[c * n + r]) - mean) / scale) }
            }
        }
        return out
    }
}
