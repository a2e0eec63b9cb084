import AccidentML
import Foundation
import FuzzSupport

// Fuzzes `NumericCSV`, the reader of preprocessed feature and label CSVs.
//
// Input framing: the first byte chooses the scalar (`byte & 1`: Float or Double) and the entry
// point (`byte & 2`: `loadFeatures` of the whole rest, or `loadLabeled` with the rest split at
// its first NUL byte into the feature file and the label file). A thrown `NumericCSVError` is
// an expected rejection; a crash, a sanitizer report or a leak is a bug.

private let scratch = FuzzScratch(name: "numeric-csv")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumericCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let rest = fuzzInput(data + 1, size - 1)
    if control & 2 == 0 {
        let url = scratch.write(rest, to: "features.csv")
        if control & 1 == 0 {
            _ = try? NumericCSV.loadFeatures(url, as: Float.self)
        } else {
            _ = try? NumericCSV.loadFeatures(url, as: Double.self)
        }
    } else {
        let split = rest.firstIndex(of: 0) ?? rest.endIndex
        let features = scratch.write(rest[rest.startIndex..<split], to: "features.csv")
        let labels = scratch.write(split < rest.endIndex ? rest[(split + 1)...] : Data(), to: "labels.csv")
        if control & 1 == 0 {
            _ = try? NumericCSV.loadLabeled(features: features, labels: labels, as: Float.self)
        } else {
            _ = try? NumericCSV.loadLabeled(features: features, labels: labels, as: Double.self)
        }
    }
    return 0
}
