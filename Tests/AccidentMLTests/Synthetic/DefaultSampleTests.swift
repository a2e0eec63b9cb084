import Foundation
import AccidentTestSupport
import Testing
@testable import AccidentML

/// `data/default/` is exactly what the generator and writer produce, so code and data never
/// drift. After an intended change of either, regenerate it with
/// `ACCIDENTML_WRITE_DEFAULT_SAMPLE=1 swift test --filter DefaultSampleTests` and commit.
@Suite struct DefaultSampleTests {
    static let folder = SyntheticSharedData.packageRoot.appendingPathComponent("data/default")

    @Test func committedFilesMatchTheGenerator() throws {
        if ProcessInfo.processInfo.environment["ACCIDENTML_WRITE_DEFAULT_SAMPLE"] == "1" {
            try SyntheticBAAC.writeDefaultSample(to: Self.folder)
        }
        let fresh = try withTemporaryFolder { temporary in
            let files = try SyntheticBAAC.writeDefaultSample(to: temporary)
            #expect(files.rowCounts[0] == SyntheticBAAC.defaultSampleCount)
            return try files.urls.map { ($0.lastPathComponent, try Data(contentsOf: $0)) }
        }
        #expect(fresh.map(\.0) == ["caracteristiques-2021.csv", "lieux-2021.csv", "vehicules-2021.csv", "usagers-2021.csv"])
        for (name, bytes) in fresh {
            let committed = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            #expect(committed == bytes, "data/default/\(name) differs from the generator's output")
        }
    }
}
