import Foundation
@testable import AccidentServer

/// TEST BACKEND, not a model: a fixed logistic formula over three BAAC user fields, with a
/// real schema and a real cross-field check, so the server can be tested without the core's
/// model files.
///
/// `z = bias + pedestrian·[catu = 3] + speed·(vma / 10)` (a missing `vma` counts as 50),
/// `P(grave) = 1 / (1 + e^-z)`, classes `["indemne_ou_leger", "grave"]`.
struct LogisticTestBackend: PredictionBackend {
    struct Coefficients: Equatable, Sendable {
        var bias: Double
        var pedestrian: Double
        var speed: Double
    }

    let info: ModelInfo
    let coefficients: Coefficients
    let supportsExplanations: Bool
    /// Called at the start of every `predict` (tests hold a request inside the model with it).
    var onPredict: @Sendable () -> Void = {}

    var inputFields: [InputField] { Self.fields }

    static let fields = [
        InputField(name: "catu", type: .integer, allowed: .codes([1, 2, 3]), isRequired: true,
                   summary: "user category: 1 driver, 2 passenger, 3 pedestrian"),
        InputField(name: "place", type: .integer, allowed: .range(1...10), isRequired: false,
                   summary: "seat in the vehicle; 10 for a pedestrian"),
        InputField(name: "vma", type: .integer, allowed: .range(0...130), isRequired: false,
                   summary: "speed limit in km/h"),
    ]

    init(version: String, coefficients: Coefficients, explains: Bool = true, checksum: String = "0000") {
        info = ModelInfo(kind: explains ? "logistic-test" : "opaque-test", version: version, checksum: checksum,
                         classLabels: ["indemne_ou_leger", "grave"], predictionUnit: "user",
                         created: Date(timeIntervalSince1970: 1_700_000_000))
        self.coefficients = coefficients
        supportsExplanations = explains
    }

    func predict(_ records: [PredictionRecord], explain: Bool) throws -> [Prediction] {
        onPredict()
        return try records.enumerated().map { index, record in
            let (catu, place, vma) = (record.values[0], record.values[1], record.values[2])
            if catu == 3 && !place.isNaN && place != 10 {
                throw RecordValidationError(recordIndex: index, field: "place", message: "a pedestrian (catu 3) has place 10")
            }
            if place == 10 && catu != 3 {
                throw RecordValidationError(recordIndex: index, field: "catu", message: "place 10 is a pedestrian's: catu must be 3")
            }
            let pedestrian = catu == 3 ? coefficients.pedestrian : 0
            let speed = coefficients.speed * (vma.isNaN ? 50 : vma) / 10
            let p = 1 / (1 + exp(-(coefficients.bias + pedestrian + speed)))
            let explanation = explain
                ? Explanation(unit: "log-odds of class 'grave'", baseline: coefficients.bias,
                              contributions: [("catu", pedestrian), ("vma", speed)])
                : nil
            return Prediction(probabilities: [1 - p, p], explanation: explanation)
        }
    }
}

/// The test backend's model file: `key=value` lines (kind, version, bias, pedestrian, speed).
enum TestModelFile {
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes a model file into a new temporary directory and returns its path.
    static func write(version: String, coefficients: LogisticTestBackend.Coefficients, explains: Bool = true) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("accident-server-tests-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("model-\(version).txt").path
        let text = "kind=\(explains ? "logistic-test" : "opaque-test")\nversion=\(version)\nbias=\(coefficients.bias)\n"
            + "pedestrian=\(coefficients.pedestrian)\nspeed=\(coefficients.speed)\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The loader the tests give the server.
    static let load: BackendLoader = { path in
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(description: "no such file") }
        var values: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw LoadError(description: "line '\(line)' is not key=value") }
            values[parts[0]] = parts[1]
        }
        guard let kind = values["kind"], let version = values["version"],
              let bias = values["bias"].flatMap(Double.init), let pedestrian = values["pedestrian"].flatMap(Double.init),
              let speed = values["speed"].flatMap(Double.init) else {
            throw LoadError(description: "missing or invalid key (kind, version, bias, pedestrian, speed)")
        }
        let checksum = String(data.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16)
        return LogisticTestBackend(version: version, coefficients: .init(bias: bias, pedestrian: pedestrian, speed: speed),
                                   explains: kind == "logistic-test", checksum: checksum)
    }
}
