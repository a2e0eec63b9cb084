/// The state of one boosting run: binned data, raw scores of the training and validation
/// rows, gradients, the tree learner and the trees so far. `GBDTTrainer` drives it round by round.
struct BoostingRun {
    let parameters: GBDTParameters
    let train: LabeledMatrix<Float>
    let validation: LabeledMatrix<Float>?
    /// The objective's name, its loss and its link from scores to probabilities.
    let objectiveName: BoostingObjective
    let objective: any GBDTObjective
    let link: ScoreLink
    let learner: TreeLearner
    let weights: [Float]
    let initScores: [Double]
    let splittableFeatures: [Int]
    private(set) var trees: [RegressionTree] = []
    /// Raw scores, column-major (`scores[k * rowCount + r]`).
    private var scores: [Double]
    private var validScores: [Double]
    private var gradients: [SIMD2<Float>]
    private var inBag: [Bool]
    private var rng: SplitMix64

    var scoreColumns: Int { objective.scoreColumns }

    init(train: LabeledMatrix<Float>, validation: LabeledMatrix<Float>?, parameters p: GBDTParameters) {
        self.parameters = p
        self.train = train
        self.validation = validation
        objectiveName = p.objective ?? .standard(classCount: train.classCount)
        objective = objectiveName.loss(classCount: train.classCount)
        link = objectiveName.link(classCount: train.classCount)
        let dataset = BinnedDataset(train.features, parameters: p)
        learner = TreeLearner(dataset: dataset, parameters: p)
        weights = train.labels.map { y in p.classWeights.map { Float($0[Int(y)]) } ?? 1 }
        initScores = objective.initialScores(labels: train.labels, weights: weights)
        splittableFeatures = dataset.mappers.indices.filter { dataset.mappers[$0].isSplittable }
        let n = train.labels.count, m = validation?.labels.count ?? 0, k = objective.scoreColumns
        scores = initScores.flatMap { [Double](repeating: $0, count: n) }
        validScores = initScores.flatMap { [Double](repeating: $0, count: m) }
        gradients = [SIMD2<Float>](repeating: .zero, count: k * n)
        inBag = [Bool](repeating: true, count: n)
        rng = SplitMix64(seed: p.seed)
        precondition(scores.count == k * n, "one init score per column")
    }

    /// Adds one round: gradients, one bag of rows, one tree per score column.
    mutating func addRound() {
        let n = train.labels.count, objective = self.objective, threads = parameters.threads
        let chunks = threads == 1 ? 1 : min(8, max(1, n / 8192))  // each row's gradient is computed alone
        scores.withUnsafeBufferPointer { s in
            train.labels.withUnsafeBufferPointer { y in
                weights.withUnsafeBufferPointer { w in
                    gradients.withUnsafeMutableBufferPointer { out in
                        ParallelWork.forEachDynamic(count: chunks, workers: threads) { c, _ in
                            objective.gradients(scores: s, labels: y, weights: w,
                                                rows: (c * n / chunks)..<((c + 1) * n / chunks), into: out)
                        }
                    }
                }
            }
        }
        let bag = drawBag()
        for k in 0..<scoreColumns {
            let features = drawFeatures()
            let tree = gradients.withUnsafeBufferPointer {
                learner.grow(gradients: UnsafeBufferPointer(rebasing: $0[(k * n)..<((k + 1) * n)]), rows: bag,
                             features: features)
            }
            addToTrainScores(tree, column: k, bagged: bag != nil)
            if let v = validation { addToValidScores(tree, column: k, features: v.features) }
            trees.append(tree)
        }
    }

    /// The rows of this round's bag (nil = all rows): each row kept with probability `baggingFraction`.
    private mutating func drawBag() -> [Int32]? {
        guard parameters.baggingFraction < 1 else { return nil }
        var bag: [Int32] = []
        for r in 0..<inBag.count {
            inBag[r] = rng.nextUnit() < parameters.baggingFraction
            if inBag[r] { bag.append(Int32(r)) }
        }
        if bag.isEmpty { bag = [0]; inBag[0] = true }
        return bag
    }

    /// This tree's features: a seeded `featureFraction` of the splittable ones, in order.
    private mutating func drawFeatures() -> [Int] {
        guard parameters.featureFraction < 1 else { return splittableFeatures }
        let count = max(1, Int((Double(splittableFeatures.count) * parameters.featureFraction).rounded()))
        var shuffled = splittableFeatures
        shuffled.shuffle(using: &rng)
        return shuffled.prefix(count).sorted()
    }

    /// Adds a new tree's leaf values to the training scores: from the partition for rows in
    /// the bag, by walking the binned tree for the others.
    private mutating func addToTrainScores(_ tree: RegressionTree, column k: Int, bagged: Bool) {
        let n = train.labels.count, learner = self.learner, inBag = self.inBag
        let workers = n >= TreeLearner.parallelPassRows ? parameters.threads : 1
        scores.withUnsafeMutableBufferPointer { s in
            // Leaves hold disjoint rows: one worker per share of the leaves.
            let s = s
            ParallelWork.forEachDynamic(count: tree.leafCount, workers: workers) { leaf, _ in
                let value = Double(tree.leafValue[leaf])
                learner.partition.withRows(of: leaf) { rows in
                    for r in rows { s[k * n + Int(r)] += value }
                }
            }
            guard bagged else { return }
            for r in 0..<n where !inBag[r] {
                s[k * n + r] += Double(tree.leafValue[learner.binnedLeaf(of: tree, row: r)])
            }
        }
    }

    /// Adds a new tree's values to the validation scores, walking it on the raw features.
    /// Reads the column-major storage through one buffer: going through the matrix per value
    /// retains and releases its arrays at every node of every row.
    private mutating func addToValidScores(_ tree: RegressionTree, column k: Int, features: FeatureMatrix<Float>) {
        let m = features.rowCount
        features.storage.withUnsafeBufferPointer { x in
            validScores.withUnsafeMutableBufferPointer { s in
                for r in 0..<m { s[k * m + r] += Double(tree.predict { x[$0 * m + r] }) }
            }
        }
    }

    /// Probabilities of the training rows (of `rows` only, in their order, when given) from
    /// the current scores, row-major.
    func trainProbabilities(rows: [Int]? = nil) -> [Float] { probabilities(scores, rows: rows) }

    /// Probabilities of the validation rows from the current scores, row-major.
    func validProbabilities() -> [Float] {
        probabilities(validScores, rows: nil)
    }

    private func probabilities(_ scores: [Double], rows: [Int]?) -> [Float] {
        let columns = scoreColumns, classCount = train.classCount, link = self.link
        let n = scores.count / columns, count = rows?.count ?? n
        var out = [Float](repeating: 0, count: count * classCount)
        var row = [Float](repeating: 0, count: columns)
        out.withUnsafeMutableBufferPointer { o in
            row.withUnsafeMutableBufferPointer { buf in
                for i in 0..<count {
                    let r = rows?[i] ?? i
                    for k in 0..<columns { buf[k] = Float(scores[k * n + r]) }
                    link.probabilities(scores: buf.baseAddress!, scoreColumns: columns,
                                            into: o.baseAddress! + i * classCount)
                }
            }
        }
        return out
    }
}
