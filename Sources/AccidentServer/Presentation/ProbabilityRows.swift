import AccidentML
import Hummingbird

/// The class probabilities of a request's records, row-major, answered without a
/// `Prediction` value per record: what the fast path of column models predicts.
///
/// Its JSON is written straight into the response buffer, byte for byte what building
/// `Prediction.json` values and serializing them writes (the plain version, which the route
/// tests compare it with).
struct ProbabilityRows {
    /// `count × classCount` probabilities.
    let values: [Float]
    let classCount: Int

    var count: Int { values.count / classCount }

    /// The index of the most probable class of row `r` (the first one on ties), as
    /// `Prediction.predictedClass`.
    func predictedClass(_ r: Int) -> Int {
        ClassChoice.mostProbable(values[(r * classCount)..<((r + 1) * classCount)])
    }

    /// How many rows predict each class.
    var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for r in 0..<count { counts[predictedClass(r)] += 1 }
        return counts
    }

    /// `{"model_version", "count", "predictions": [{"predicted_class", "probabilities"}, ...]}`.
    func batchJSON(labels: [String], modelVersion: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(64 + count * (48 + classCount * (labels.map(\.utf8.count).max() ?? 0) + classCount * 24))
        buffer.writeStaticString("{\"model_version\":")
        JSONValue.writeString(modelVersion, to: &buffer)
        buffer.writeStaticString(",\"count\":")
        buffer.writeString(String(count))
        buffer.writeStaticString(",\"predictions\":[")
        for r in 0..<count {
            if r > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            writePrediction(r, labels: labels, to: &buffer)
            buffer.writeInteger(UInt8(ascii: "}"))
        }
        buffer.writeStaticString("]}")
        return buffer
    }

    /// `{"predicted_class", "probabilities", "model_version"}` of row `r`.
    func singleJSON(_ r: Int, labels: [String], modelVersion: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(128)
        writePrediction(r, labels: labels, to: &buffer)
        buffer.writeStaticString(",\"model_version\":")
        JSONValue.writeString(modelVersion, to: &buffer)
        buffer.writeInteger(UInt8(ascii: "}"))
        return buffer
    }

    /// `{"predicted_class":…,"probabilities":{…}` of row `r`, the object left open.
    private func writePrediction(_ r: Int, labels: [String], to buffer: inout ByteBuffer) {
        buffer.writeStaticString("{\"predicted_class\":")
        JSONValue.writeString(labels[predictedClass(r)], to: &buffer)
        buffer.writeStaticString(",\"probabilities\":{")
        for k in 0..<classCount {
            if k > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            JSONValue.writeString(labels[k], to: &buffer)
            buffer.writeInteger(UInt8(ascii: ":"))
            JSONValue.writeNumber(Double(values[r * classCount + k]), to: &buffer)
        }
        buffer.writeInteger(UInt8(ascii: "}"))
    }
}
