import AccidentML
import Foundation

/// One train/test split of the accuracy section, in memory for ours and as index files for the
/// peers: the stratified 30 % hold-out or one fold of the stratified 5-fold cross-validation.
struct AccuracySplit: Sendable {
    /// `holdout` or `fold1` … `fold5`.
    let name: String
    /// Rows trained on, ascending.
    let trainIndices: [Int]
    /// Rows scored, ascending.
    let testIndices: [Int]
    /// The split files (`train_idx.txt`, `test_idx.txt`), 0-based data-row indices.
    let trainRows: URL
    let testRows: URL

    /// Whether this split is a fold of the cross-validation (not the hold-out).
    var isFold: Bool { name != Self.holdoutName }

    /// The hold-out's name.
    static let holdoutName = "holdout"

    /// The hold-out of `data` (its 70/30 stratified split, files already written), then the
    /// `folds` stratified folds of all its rows (`StratifiedSampling.folds`, what
    /// `train fit --folds` uses), each fold's files written to `folder/foldK`.
    static func all(of data: Dataset, folds: Int, seed: UInt64, in folder: URL) throws(BenchError) -> [AccuracySplit] {
        var splits = [AccuracySplit(name: holdoutName, trainIndices: data.trainIndices, testIndices: data.testIndices,
                                    trainRows: data.trainRows, testRows: data.testRows)]
        let labels = data.data.labels
        let deal = StratifiedSampling.folds(labels: labels, classCount: data.data.classCount, count: folds, seed: seed)
        for (k, test) in deal.enumerated() {
            var inFold = [Bool](repeating: false, count: labels.count)
            for r in test { inFold[r] = true }
            let train = labels.indices.filter { !inFold[$0] }
            let name = "fold\(k + 1)"
            let (trainURL, testURL) = try Dataset.writeSplit((train, test), in: folder.appendingPathComponent(name))
            splits.append(AccuracySplit(name: name, trainIndices: train, testIndices: test, trainRows: trainURL,
                                        testRows: testURL))
        }
        return splits
    }
}
