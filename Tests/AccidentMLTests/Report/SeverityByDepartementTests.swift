import Testing
@testable import AccidentML

@Suite struct SeverityByDepartementTests {
    @Test func binarySharesByHand() throws {
        // Paris (75): labels 1 0 1 0 with p(severe) .9 .2 .6 .1 → observed 2/4, predicted 1.8/4 = .45.
        // Corse-du-Sud (201): label 1, p .7. Unknown (-1): left out and counted.
        let p1: [Float] = [0.9, 0.2, 0.6, 0.1, 0.7, 0.5]
        let rows = TrainingReport.ScoredRows(probabilities: p1.flatMap { [1 - $0, $0] }, labels: [1, 0, 1, 0, 1, 1],
                                             departements: [75, 75, 75, 75, 201, -1])
        let table = TrainingReport.SeverityByDepartement(validation: rows, classCount: 2, severeClasses: [1])
        #expect(table.departements.map(\.code) == [75, 201])
        #expect(table.rowsWithoutDepartement == 1)
        let paris = table.departements[0], corsica = table.departements[1]
        #expect(paris.count == 4 && paris.observedShare == 0.5)
        #expect(abs(paris.predictedShare - 0.45) < 1e-6)
        #expect(corsica.count == 1 && corsica.observedShare == 1 && abs(corsica.predictedShare - 0.7) < 1e-6)
    }

    @Test func severeClassesAddUpInMulticlass() {
        // Four classes, severe = hospitalised (2) + killed (3). Rows of département 13:
        // [.1 .2 .3 .4] label 3, [.5 .3 .1 .1] label 1, [.2 .2 .5 .1] label 2.
        let probabilities: [Float] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.3, 0.1, 0.1, 0.2, 0.2, 0.5, 0.1]
        let rows = TrainingReport.ScoredRows(probabilities: probabilities, labels: [3, 1, 2], departements: [13, 13, 13])
        let table = TrainingReport.SeverityByDepartement(validation: rows, classCount: 4, severeClasses: [3, 2])
        #expect(table.severeClasses == [2, 3])
        let d = table.departements[0]
        #expect(d.count == 3 && abs(d.observedShare - 2.0 / 3) < 1e-12)
        #expect(abs(d.predictedShare - (0.7 + 0.2 + 0.6) / 3) < 1e-6)
    }

    @Test func noDepartementsGiveAnEmptyTable() {
        let rows = TrainingReport.ScoredRows(probabilities: [0.5, 0.5], labels: [1])
        let table = TrainingReport.SeverityByDepartement(validation: rows, classCount: 2, severeClasses: [1])
        #expect(table.departements.isEmpty && table.rowsWithoutDepartement == 0)
    }
}
