import AccidentTestSupport
import Foundation
import Testing
@testable import AccidentML

/// Inputs found by the `fuzz-model-file` libFuzzer target (Fuzz/, scripts/fuzz.sh), kept as
/// regression tests of the model-file loader (each failed, or crashed, before its fix: the
/// category-code bound in `CategoryVocabulary`, the size-checked reader in `ModelContainer+Read`).
@Suite struct ModelFileFuzzRegressionTests {
    /// An empty file is rejected with a clear error. (Under AddressSanitizer it also shows a
    /// 4 KiB leak: on Linux `Data(contentsOf:)`, used by `ModelContainer.read`, leaks its read
    /// buffer for a zero-length file, swift-foundation's zero-size path in Swift 6.3.1. The
    /// rewritten loader should check the size first or read through a file handle.)
    @Test func anEmptyFileIsNotAModelFile() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("empty.aml", bytes: [])
        #expect {
            try AccidentModel.load(from: url)
        } throws: { error in
            guard case .notAModelFile(let path) = error as? ModelFileError else { return false }
            return path == url.path
        }
    }

    /// Fuzz finding (slow-unit, 8 KB model file with a valid CRC): an encoder feature of the
    /// file declared the category codes `[1, 2e8]`; `CategoryVocabulary` builds a dense
    /// code → index table of `last + 1` entries, so loading the file allocated 800 MB and took
    /// 12 s. A file must not make the loader allocate memory out of proportion to its size:
    /// codes beyond what any BAAC field uses should be rejected (or the table made sparse).
    @Test func hugeCategoryCodesAreRejected() throws {
        let json = Data(#"{"codes": [1, 200000000]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CategoryVocabulary.self, from: json) }
    }

    /// Same path: the code `Int32.max` overflows `last + 1` (an `Int32`) and traps, so such a
    /// model file crashes the process that loads it (the server, `train`) instead of throwing.
    @Test func theLargestCategoryCodeDoesNotCrash() throws {
        let json = Data(#"{"codes": [0, 2147483647]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CategoryVocabulary.self, from: json) }
    }
}
