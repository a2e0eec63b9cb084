import AccidentML
import Foundation
import AccidentTestSupport
import Testing
@testable import train

/// The preprocessed real BAAC 2021 split (`../shared/data/baac2021`) through fit and predict.
@Suite struct SharedDataTests {
    @Test(.requiresSharedData)
    func realAccidentSplitFitsAndPredicts() throws {
        let x = try SharedData.url("baac2021/X_train.csv").path, y = try SharedData.url("baac2021/y_train.csv").path
        let s = try CLISandbox()
        let fit = s.run(["fit", "--features", x, "--labels", y, "--trees", "15", "--output", "real", "-q"])
        #expect(fit.status == 0, "\(fit.err)")
        let model = try AccidentModel.load(from: s.url("real/model.aml"))
        #expect(model.classLabels == ["0", "1"] && model.metadata.featureNames.count == 28)
        #expect(model.metadata.rowCounts["train"]! + model.metadata.rowCounts["validation"]! == 38_288)
        #expect(model.metadata.metrics["validation_auc"]! > 0.7)
        let predicted = s.run(["predict", "--model", "real/model.aml", "--features", x, "--output", "p.csv"])
        #expect(predicted.status == 0, "\(predicted.err)")
        let csv = CSVText.parse(try s.text("p.csv"))
        #expect(csv.header == ["row", "predicted", "p_0", "p_1"] && csv.rows.count == 38_288)
    }
}
