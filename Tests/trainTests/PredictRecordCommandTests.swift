import AccidentML
import Foundation
import Testing
@testable import train

/// `train predict-record`: one API request record through a model file, answered with the API's fields.
@Suite struct PredictRecordCommandTests {
    static let record = """
        {"an": 2021, "mois": 6, "jour": 15, "hrmn": "17:45", "dep": "2A", "agg": 2, "vma": 80,
         "vehicles": [{"catv": 7, "obsm": 2}, {"catv": 33, "motor": 1}],
         "users": [{"catu": 1, "sexe": 1, "an_nais": 1990, "secu1": 1}, {"catu": 1, "an_nais": 1971, "secu1": 2}]}
        """

    @Test func answersAsTheModelPredictsWithItsChecksum() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "600", "--seed", "9", "--output", "gen", "-q"]).status == 0)
        #expect(s.run(["fit", "--baac", "gen", "--trees", "20", "--output", "runs/m", "-q"]).status == 0)
        try s.write("record.json", Self.record)
        let result = s.run(["predict-record", "--model", "runs/m/model.aml", "record.json"])
        #expect(result.status == 0, "\(result.err)")
        struct Answer: Decodable { var model_version: String; var predicted_class: String; var probabilities: [String: Double] }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(result.out.utf8))
        let model = try AccidentModel.load(from: s.url("runs/m/model.aml"))
        let expected = try model.predict(record: try JSONDecoder().decode(RawRecord.self, from: Data(Self.record.utf8)))
        #expect(answer.model_version == model.version)
        #expect(answer.predicted_class == expected.classLabel)
        for (label, p) in zip(model.classLabels, expected.probabilities) {
            #expect(answer.probabilities[label] == Double(p), "\(label)")  // the same Float32, widened exactly
        }
    }

    @Test func anInvalidRecordExits65NamingTheField() throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "600", "--seed", "9", "--output", "gen", "-q"]).status == 0)
        #expect(s.run(["fit", "--baac", "gen", "--trees", "5", "--output", "runs/m", "-q"]).status == 0)
        try s.write("bad.json", Self.record.replacingOccurrences(of: "\"catv\": 33", with: "\"catv\": 77"))
        let bad = s.run(["predict-record", "--model", "runs/m/model.aml", "bad.json"])
        #expect(bad.status == 65 && bad.err.contains("vehicles[1].catv"))
        try s.write("list.json", "[1, 2]")
        #expect(s.run(["predict-record", "--model", "runs/m/model.aml", "list.json"]).status == 65)
        #expect(s.run(["predict-record", "--model", "runs/m/model.aml", "absent.json"]).status == 66)
    }
}
