import AccidentML
import Foundation
import FuzzSupport

// Fuzzes the model-file loader, `AccidentModel.load(from:)`.
//
// Input framing: the first byte's lowest bit chooses whether the rest is loaded as it is (0), or
// with its last 4 bytes replaced by the CRC-32 of the bytes before them (1), so that mutations
// get past the checksum into the sections' decoders. A thrown error (`ModelFileError`) is an
// expected rejection; a crash, a sanitizer report or a leak is a bug. A loaded model also
// describes itself, which walks what was decoded.
//
// An empty file is skipped: on Linux, Foundation's `Data(contentsOf:)` (which the loader uses)
// leaks its 4 KiB read buffer for a zero-length file (swift-foundation's zero-size read path,
// Swift 6.3.1); ModelFileFuzzRegressionTests checks that an empty file is still rejected.

private let scratch = FuzzScratch(name: "model-file")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 1 else { return 0 }
    var bytes = [UInt8](UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 1, bytes.count >= 4 {
        let body = bytes.count - 4
        let crc = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<body])) }
        withUnsafeBytes(of: crc.littleEndian) { bytes.replaceSubrange(body..., with: $0) }
    }
    let url = scratch.write(Data(bytes), to: "model.aml")
    if let model = try? AccidentModel.load(from: url) {
        _ = String(describing: model)
    }
    return 0
}
