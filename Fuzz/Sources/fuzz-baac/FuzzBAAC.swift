import AccidentML
import Foundation
import FuzzSupport

// Fuzzes `BAACReader` one file of a year at a time.
//
// Input framing: the first byte chooses the fuzzed table (`byte % 4`: caracteristiques, lieux,
// vehicules, usagers) and whether bad rows are skipped (`byte & 4`); the rest of the input is
// that table's file. The other three files are fixed valid samples read once at start from
// `$ACCIDENTML_FUZZ_BAAC_BASE` (default `../shared/data/baac-raw-sample/2021`, relative to the
// working folder: real raw BAAC rows, never copied into the repository; scripts/fuzz.sh passes
// that sample cut to its first 12 accidents, for speed).
// Any thrown `BAACReadError` is an expected rejection; a crash, a sanitizer report or a leak is a bug.

private let scratch = FuzzScratch(name: "baac")
private let tables = BAACTableKind.allCases

/// The fixed sample of each table, copied into the scratch folder once.
private let baseline: [BAACTableKind: URL] = {
    let base = ProcessInfo.processInfo.environment["ACCIDENTML_FUZZ_BAAC_BASE"] ?? "../shared/data/baac-raw-sample/2021"
    let folder = URL(fileURLWithPath: base, isDirectory: true)
    let sets: [BAACFileSet]
    do {
        sets = try BAACFileSet.find(in: folder)
    } catch {
        fatalError("fuzz-baac: no BAAC year in \(folder.path) (set ACCIDENTML_FUZZ_BAAC_BASE): \(error)")
    }
    guard let set = sets.first else { fatalError("fuzz-baac: no BAAC year in \(folder.path)") }
    var urls: [BAACTableKind: URL] = [:]
    for table in tables {
        guard let bytes = try? Data(contentsOf: set[table]) else { fatalError("fuzz-baac: cannot read \(set[table].path)") }
        urls[table] = scratch.write(bytes, to: "base-\(table.rawValue).csv")
    }
    return urls
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBAAC(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let fuzzed = tables[Int(control % 4)]
    let input = scratch.write(fuzzInput(data + 1, size - 1), to: "input.csv")
    var urls = baseline
    urls[fuzzed] = input
    let files = BAACFileSet(characteristics: urls[.characteristics]!, places: urls[.places]!,
                            vehicles: urls[.vehicles]!, users: urls[.users]!)
    let reader = BAACReader(options: BAACReadOptions(skipBadRows: control & 4 != 0))
    if let result = try? reader.read(files) {
        // Touch what a caller reads, so lazily wrong values surface under the sanitizer.
        _ = result.report.totalSkipped
        _ = result.tables
    }
    return 0
}
