@testable import AccidentML
@testable import AccidentRequests
import FuzzSupport
import NIOCore

// Fuzzes the server's request-body decoders (the AccidentRequests target), differentially
// where a plain oracle exists.
//
// Input framing: the first byte chooses the decoder (`byte % 6`): 0 one JSON record, 1 a JSON
// batch (`JSONRecords`, into `RawRecord`s); 2 one record and 3 a batch of a columns model
// (`JSONColumnRecords` into `ColumnRows`, compared with the plain path
// `JSONColumnRecords.plainRows`: the same rows bit for bit, or the same error); 4 a CSV batch
// of the accident fields, 5 a CSV batch of a columns model. The rest of the input is the body.
// A thrown body or record error is an expected rejection; a crash, a sanitizer report, a leak,
// or a fast decoder that disagrees with its oracle is a bug.

/// The columns model's names, with the awkward cases of the unit tests: a non-ASCII name and
/// an ASCII one whose case-folded form is not ASCII (`K`, and the Kelvin sign).
private let names = ["a", "b", "c", "x", "y", "é", "K"]
private let accidentFields = InputCatalogue.of(.accident).fields
private let columnFields = ModelInput.columns(names).inputFields
/// Small, so the "too many records" path is reached as often as the others.
private let maxCount = 8

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let body = ByteBuffer(bytes: UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 6 {
    case 0: _ = try? JSONRecords.record(body)
    case 1: _ = try? JSONRecords.batch(body, maxCount: maxCount)
    case 2: compareWithPlain(body, batch: false)
    case 3: compareWithPlain(body, batch: true)
    case 4: _ = try? CSVRecords.decode(body, fields: accidentFields, maxCount: maxCount)
    default:
        var rows = ColumnRows(names: names)
        _ = try? CSVColumnRecords.decode(body, fields: columnFields, maxCount: maxCount, into: &rows)
    }
    return 0
}

/// Traps when the fast column decoder and the plain path disagree on `body`.
private func compareWithPlain(_ body: ByteBuffer, batch: Bool) {
    let plain = outcome {
        try JSONColumnRecords.plainRows(batch ? JSONRecords.batch(body, maxCount: maxCount) : [JSONRecords.record(body)],
                                        columns: names)
    }
    let fast = outcome {
        var rows = ColumnRows(names: names)
        if batch { try JSONColumnRecords.batch(body, maxCount: maxCount, into: &rows) }
        else { try JSONColumnRecords.record(body, into: &rows) }
        return rows.values
    }
    if plain != fast { fatalError("fuzz-json-request: fast \(fast) but plain \(plain)") }
}

/// The rows' bit patterns (NaN equals NaN), or the error's type and text.
private func outcome(_ decode: () throws -> [Float]) -> String {
    do { return "rows \(try decode().map(\.bitPattern))" } catch { return "\(type(of: error)): \(error)" }
}
