import Testing
@testable import AccidentML

@Suite struct TrainingReportBuilderTests {
    @Test func partsAgreeWithTheMetricsTypes() throws {
        let report = ReportFixtures.binary(rows: 500)
        let roc = try #require(report.roc.first)
        #expect(report.roc.count == 1 && report.calibration.count == 1)
        #expect(roc.classLabel == ReportFixtures.hostile)
        let auc = try #require(report.finalMetrics.first { $0.name == "auc" })
        #expect(abs(roc.auc - auc.validation!) < 1e-12, "the curve's exact area is the AUC metric")
        #expect(report.finalMetrics.map(\.name) == ["auc", "logloss", "accuracy"])
        #expect(report.finalMetrics.map(\.higherIsBetter) == [true, false, true])
        // The fixture scores the same rows as train and validation.
        #expect(report.finalMetrics.allSatisfy { $0.train == $0.validation })
        let counts = report.confusion.counts
        #expect(counts.count == 2 && counts.flatMap { $0 }.reduce(0, +) == 500)
        #expect(report.calibration[0].bins.map(\.count).reduce(0, +) == 500)
        #expect(report.data.rowCount == 500 && report.data.classCounts.reduce(0, +) == 500)
        #expect(report.importance.features.map(\.name) == ["code", ReportFixtures.hostile], "sorted by decreasing value")
        #expect(report.severityByDepartement.departements.map(\.code) == [13, 75, 201, 971])
    }

    @Test func builderMatchesDirectComputations() {
        var rng = SplitMix64(seed: 3)
        var probabilities: [Float] = [], labels: [Int32] = []
        for _ in 0..<250 {
            let y = Int32(rng.next() % 3)
            var row = (0..<3).map { k in Float(rng.next() % 50 + 1) + (Int32(k) == y ? 30 : 0) }
            let sum = row.reduce(0, +)
            row = row.map { $0 / sum }
            probabilities += row
            labels.append(y)
        }
        let run = TrainingReport.RunInfo(modelKind: "gbdt", unit: "person", classLabels: ["a", "b", "c"], seed: 3, createdAt: "t")
        let scored = TrainingReport.ScoredRows(probabilities: probabilities, labels: labels)
        let report = TrainingReport(run: run, trainingFeatures: FeatureMatrix(rows: labels.map { [Float($0)] }, columnNames: ["x"]),
                                    train: scored, validation: scored, metrics: [LogLoss()], learningCurves: [],
                                    importance: .init(measure: .gain, features: []), severeClasses: [2], calibrationBinCount: 5)
        #expect(report.roc.map(\.classLabel) == ["a", "b", "c"])
        for k in 0..<3 {
            let scores = stride(from: k, to: probabilities.count, by: 3).map { probabilities[$0] }
            let positives = labels.map { Int($0) == k }
            #expect(abs(report.roc[k].auc - ROCAUC.binaryAUC(scores: scores, positives: positives)) < 1e-12)
            let bins = CalibrationBins(scores: scores, positives: positives, binCount: 5).bins
            #expect(report.calibration[k].bins.map(\.count) == bins.map(\.count))
            #expect(report.calibration[k].bins.map(\.observedFrequency) == bins.map(\.observedFrequency))
        }
        let matrix = ConfusionMatrix(probabilities: probabilities, labels: labels, classCount: 3)
        #expect(report.confusion.counts == (0..<3).map { a in (0..<3).map { matrix.count(actual: a, predicted: $0) } })
        #expect(abs(report.finalMetrics[0].validation! - LogLoss().evaluate(probabilities: probabilities, labels: labels, classCount: 3)) < 1e-12)
        #expect(report.severityByDepartement.departements.isEmpty)
    }

    @Test func rocThinningKeepsEndsAndStaysWithinResolution() throws {
        // 20,000 rows with distinct scores: thousands of corners before thinning.
        var rng = SplitMix64(seed: 9)
        var scores: [Float] = [], positives: [Bool] = []
        for i in 0..<20_000 {
            let positive = rng.next() % 2 == 0
            scores.append(Float(i) / 20_000 * 0.5 + (positive ? 0.2 : 0) + Float(rng.next() % 1000) / 4000)
            positives.append(positive)
        }
        let curve = ROCCurve(scores: scores, positives: positives)
        let series = TrainingReport.ROCSeries(curve, classLabel: "x")
        #expect(curve.points.count > 3000)
        #expect(series.points.count < curve.points.count && series.points.count <= 2002)
        #expect(series.points.first == .init(falsePositiveRate: 0, truePositiveRate: 0, threshold: .infinity))
        #expect(series.points.last?.falsePositiveRate == 1 && series.points.last?.truePositiveRate == 1)
        #expect(series.auc == curve.area)
        // Every dropped corner lies within `resolution` of the last kept point before it.
        var k = 0
        for p in curve.points.dropFirst() {
            if k + 1 < series.points.count && series.points[k + 1].threshold == p.threshold { k += 1; continue }
            #expect(abs(p.falsePositiveRate - series.points[k].falsePositiveRate) < TrainingReport.ROCSeries.resolution)
            #expect(abs(p.truePositiveRate - series.points[k].truePositiveRate) < TrainingReport.ROCSeries.resolution)
        }
        // The thinned trapezoids are close to the exact area.
        var area = 0.0
        for (a, b) in zip(series.points, series.points.dropFirst()) {
            area += (b.falsePositiveRate - a.falsePositiveRate) * (b.truePositiveRate + a.truePositiveRate) / 2
        }
        #expect(abs(area - curve.area) < 2 * TrainingReport.ROCSeries.resolution)
    }

    @Test func runInfoFromModelMetadata() {
        let metadata = ModelMetadata(kind: .gbdt, unit: .person, classLabels: ["a", "b"], featureNames: ["x"],
                                     hyperparameters: ["trees": "10"], rowCounts: ["train": 5], dataSource: "here",
                                     createdAt: "2025-05-05T00:00:00Z")
        let run = TrainingReport.RunInfo(metadata: metadata, seed: 4, durations: ["train": 2])
        #expect(run == .init(modelKind: "gbdt", unit: "person", classLabels: ["a", "b"], hyperparameters: ["trees": "10"],
                             dataSource: "here", rowCounts: ["train": 5], seed: 4, durations: ["train": 2],
                             libraryVersion: accidentMLVersion, createdAt: "2025-05-05T00:00:00Z"))
    }
}
