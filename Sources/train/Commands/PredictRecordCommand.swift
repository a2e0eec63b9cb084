import AccidentML
import ArgumentParser
import Foundation

/// `train predict-record`: one request record (the JSON that `POST /api/v1/predict` takes) through
/// a model file, answered with the API's fields.
///
/// The pipeline's smoke test sends the same record to the live server and compares the answers:
/// same model version (the file's checksum), same class, the same probabilities.
struct PredictRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict-record",
        abstract: "Predict one JSON request record, as the API does, and print its answer as JSON.",
        discussion: """
            RECORD is a JSON file holding one record as `POST /api/v1/predict` takes it (docs/api.md). \
            Prints {"model_version", "predicted_class", "probabilities"}: the version is the model \
            file's checksum, as the server reports it. An invalid record exits 65 naming the field.

            Example:
              train predict-record --model runs/default/model.aml accident.json
            """)

    @Option(help: ArgumentHelp("The model file (model.aml).", valueName: "model"))
    var model: String

    @Argument(help: ArgumentHelp("A JSON file holding one request record.", valueName: "record"))
    var record: String

    func run() throws {
        let console = Console.current
        let modelURL = console.url(model), recordURL = console.url(record)
        try InputPath.require(recordURL, isFolder: false, flag: "record", console: console,
                              fix: "give a JSON file holding one record (docs/api.md, Records).")
        let loaded = try ModelLoader.load(modelURL, console: console)
        let request: RawRecord
        do {
            request = try JSONDecoder().decode(RawRecord.self, from: try Data(contentsOf: recordURL))
        } catch {
            throw CLIError.data("\(record): not a JSON object of request fields (\(error.localizedDescription)). "
                                + "Fix: write one record as in docs/api.md.")
        }
        let prediction: SeverityPrediction
        do {
            prediction = try loaded.predict(record: request)
        } catch let error as FeatureInputError {
            throw CLIError.data("\(record): \(error.description)")
        }
        console.out.write(try Self.answer(prediction, model: loaded) + "\n")
    }

    /// The API's answer fields as JSON, keys sorted; each probability is the Float32 widened to
    /// Double and written as its shortest round-trip decimal (JSONSerialization keeps only 15 digits).
    static func answer(_ prediction: SeverityPrediction, model: AccidentModel) throws -> String {
        func quoted(_ text: String) throws -> String { String(decoding: try JSONEncoder().encode(text), as: UTF8.self) }
        let pairs = try zip(model.classLabels, prediction.probabilities).sorted { $0.0 < $1.0 }.map { label, p in
            "\(try quoted(label)):\(Double(p).description)"
        }
        return "{\"model_version\":\(try quoted(model.version)),\"predicted_class\":\(try quoted(prediction.classLabel)),"
            + "\"probabilities\":{\(pairs.joined(separator: ","))}}"
    }
}
