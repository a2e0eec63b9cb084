import Foundation

/// One served prediction, handed by the server to `PredictionLogger` (a row of `predictions`).
public struct PredictionRecord: Sendable, Equatable {
    /// When the prediction was served.
    public var time: Date
    /// Version of the model that answered.
    public var modelVersion: String
    /// The request id (echoed in the `X-Request-Id` header).
    public var requestID: String
    /// The request record as a JSON object text, stored as `jsonb`; a record whose text is not
    /// valid JSON is rejected by the database and counted in `Statistics.rejected`.
    public var featuresJSON: String
    /// Label of the predicted class.
    public var predictedClass: String
    /// Probability of each class, by label.
    public var probabilities: [String: Double]
    /// Time spent computing the prediction, in microseconds.
    public var latencyMicroseconds: Int64

    /// Creates a record.
    public init(time: Date = Date(), modelVersion: String, requestID: String, featuresJSON: String,
                predictedClass: String, probabilities: [String: Double], latencyMicroseconds: Int64) {
        self.time = time; self.modelVersion = modelVersion; self.requestID = requestID
        self.featuresJSON = featuresJSON; self.predictedClass = predictedClass
        self.probabilities = probabilities; self.latencyMicroseconds = latencyMicroseconds
    }

    /// `probabilities` as a JSON object, keys sorted; a non-finite probability becomes `null`.
    var probabilitiesJSON: String {
        var json = "{"
        for (index, label) in probabilities.keys.sorted().enumerated() {
            if index > 0 { json += "," }
            json += Self.quoted(label) + ":"
            let p = probabilities[label]!
            json += p.isFinite ? "\(p)" : "null"
        }
        return json + "}"
    }

    /// A JSON string literal for `text`.
    static func quoted(_ text: String) -> String {
        var json = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case _ where scalar.value < 0x20:
                json += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json + "\""
    }
}
