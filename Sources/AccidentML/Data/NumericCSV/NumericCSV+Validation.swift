import Foundation

extension NumericCSV {
    /// Loads a training feature/label pair and a validation pair with the same header, the
    /// class indices shared: the distinct labels of both files, sorted as `loadLabeled` sorts
    /// them, so that a class missing from one side keeps its index.
    ///
    /// A validation header that differs from the training one throws `layoutMismatch`, naming
    /// both files and the first differing column.
    public static func loadLabeled<Scalar>(features: URL, labels: URL, validationFeatures: URL, validationLabels: URL,
                                           as scalar: Scalar.Type = Scalar.self)
        throws(NumericCSVError) -> (train: LabeledMatrix<Scalar>, validation: LabeledMatrix<Scalar>) {
        let x: FeatureMatrix<Scalar> = try loadFeatures(features)
        let vx: FeatureMatrix<Scalar> = try loadFeatures(validationFeatures)
        let names = x.columnNames, validNames = vx.columnNames
        if let column = LabeledRows.firstDifference(names, validNames) {
            throw .layoutMismatch(training: features.path, validation: validationFeatures.path, column: column + 1,
                                  trainingName: column < names.count ? names[column] : nil,
                                  validationName: column < validNames.count ? validNames[column] : nil)
        }
        let texts = try loadLabelTexts(labels), validTexts = try loadLabelTexts(validationLabels)
        guard texts.count == x.rowCount else {
            throw .rowCountMismatch(features: features.path, featureRows: x.rowCount, labels: labels.path, labelRows: texts.count)
        }
        guard validTexts.count == vx.rowCount else {
            throw .rowCountMismatch(features: validationFeatures.path, featureRows: vx.rowCount, labels: validationLabels.path,
                                    labelRows: validTexts.count)
        }
        let classes = sortedClasses(Array(Set(texts).union(validTexts)))
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, Int32($0)) })
        return (LabeledMatrix(features: x, labels: texts.map { index[$0]! }, classLabels: classes),
                LabeledMatrix(features: vx, labels: validTexts.map { index[$0]! }, classLabels: classes))
    }
}
