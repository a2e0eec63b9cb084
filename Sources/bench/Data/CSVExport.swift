import AccidentML
import Foundation

/// Writes the files the peers read: a numeric feature CSV, a 0/1 label CSV and split index
/// files (see `scripts/peers/README.md`, "Inputs").
enum CSVExport {
    /// Writes `x` as a CSV with a header; a missing value (NaN) is an empty cell, which pandas
    /// reads back as NaN. Values use the shortest text that reads back to the same Float.
    static func writeFeatures(_ x: FeatureMatrix<Float>, to url: URL) throws(BenchError) {
        try write(to: url) { out in
            out.append(contentsOf: x.columnNames.joined(separator: ",").utf8)
            out.append(newline)
            let n = x.rowCount, d = x.columnCount
            x.storage.withUnsafeBufferPointer { values in
                for r in 0..<n {
                    for c in 0..<d {
                        if c > 0 { out.append(comma) }
                        let v = values[c * n + r]
                        if !v.isNaN { appendNumber(v, to: &out) }
                    }
                    out.append(newline)
                }
            }
        }
    }

    /// Writes the labels as a one-column CSV (`y`, values 0/1).
    static func writeLabels(_ labels: [Int32], to url: URL) throws(BenchError) {
        try write(to: url) { out in
            out.append(contentsOf: "y\n".utf8)
            for y in labels { out.append(contentsOf: "\(y)\n".utf8) }
        }
    }

    /// Writes 0-based row indices, one per line.
    static func writeIndices(_ indices: [Int], to url: URL) throws(BenchError) {
        try write(to: url) { out in
            for i in indices { out.append(contentsOf: "\(i)\n".utf8) }
        }
    }

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")

    /// Integers (most tree-encoded values) without a decimal point, other values in Swift's
    /// shortest round-trip form.
    private static func appendNumber(_ v: Float, to out: inout [UInt8]) {
        if v == v.rounded(), abs(v) < 1e7 {
            out.append(contentsOf: String(Int(v)).utf8)
        } else {
            out.append(contentsOf: v.description.utf8)
        }
    }

    /// Builds the bytes, then writes them in one go.
    private static func write(to url: URL, _ fill: (inout [UInt8]) -> Void) throws(BenchError) {
        var bytes: [UInt8] = []
        fill(&bytes)
        do { try Data(bytes).write(to: url) } catch {
            throw .io(path: url.path, detail: "cannot write: \(error.localizedDescription)")
        }
    }
}
