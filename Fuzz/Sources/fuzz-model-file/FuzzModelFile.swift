import AccidentML
import Foundation
import FuzzSupport

// Fuzzes the model-file loader, `AccidentModel.load(from:)`: the whole input is a `.aml` file.
// A thrown error (`ModelFileError`) is an expected rejection; a crash, a sanitizer report or a
// leak is a bug. A loaded model also describes itself, which walks what was decoded.
//
// An empty input is skipped: on Linux, Foundation's `Data(contentsOf:)` (which the loader uses)
// leaks its 4 KiB read buffer for a zero-length file (swift-foundation's zero-size read path,
// Swift 6.3.1); `ModelFileTests` checks that an empty file is still rejected.

private let scratch = FuzzScratch(name: "model-file")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let url = scratch.write(fuzzInput(data, size), to: "model.aml")
    if let model = try? AccidentModel.load(from: url) {
        _ = String(describing: model)
    }
    return 0
}
