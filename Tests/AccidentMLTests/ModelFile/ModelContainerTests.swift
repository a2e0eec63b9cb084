import Foundation
import Testing
@testable import AccidentML

@Suite struct ModelContainerTests {
    func sample() -> ModelContainer {
        var c = ModelContainer()
        c.add("META", Array(#"{"kind":"test"}"#.utf8))
        var w = ByteWriter()
        w.append(array: [Float(1.5), -2, .infinity])
        w.append(UInt16(7))
        c.add("DATA", w.bytes)
        return c
    }

    @Test func roundTripsBytesExactly() throws {
        let bytes = sample().serialized()
        let parsed = try ModelContainer.parse(bytes, path: "m.aml")
        #expect(parsed == sample())
        var r = ByteReader(bytes: try parsed.requiredSection("DATA", path: "m.aml"), path: "m.aml")
        #expect(try r.readArray(of: Float.self) == [1.5, -2, .infinity])
        #expect(try r.read(UInt16.self) == 7)
        #expect(r.remaining == 0)
    }

    @Test func crcMatchesTheZlibCheckValue() {
        // The standard check value of CRC-32/ISO-HDLC for "123456789".
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func everyTruncationIsAClearErrorNeverACrash() {
        let bytes = sample().serialized()
        for cut in 0..<bytes.count {
            #expect(throws: ModelFileError.self) { try ModelContainer.parse(Array(bytes[0..<cut]), path: "m.aml") }
        }
        #expect {
            try ModelContainer.parse(Array(bytes[0..<(bytes.count - 10)]), path: "m.aml")
        } throws: { e in
            guard case .truncated(let path, _, _, _) = e as? ModelFileError else { return false }
            return path == "m.aml" && "\(e)".contains("truncated")
        }
    }

    @Test func corruptionIsDetectedByTheChecksum() throws {
        var bytes = sample().serialized()
        bytes[20] ^= 0x40
        #expect(throws: ModelFileError.self) { try ModelContainer.parse(bytes, path: "m.aml") }
        var bad = sample().serialized()
        bad[bad.count - 1] ^= 1
        #expect {
            try ModelContainer.parse(bad, path: "m.aml")
        } throws: { e in
            if case .checksumMismatch = e as? ModelFileError { return true }
            return false
        }
    }

    @Test func wrongMagicAndVersionAreNamed() {
        var bytes = sample().serialized()
        #expect(throws: ModelFileError.notAModelFile(path: "x")) { try ModelContainer.parse(Array("hello".utf8), path: "x") }
        bytes[8] = 9
        #expect(throws: ModelFileError.unsupportedVersion(path: "x", found: 9, supported: 1...2)) {
            try ModelContainer.parse(bytes, path: "x")
        }
    }

    @Test func writesAtomicallyAndReadsBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("amltest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("m.aml")
        try sample().write(to: url)
        #expect(try ModelContainer.read(from: url) == sample())
        #expect(throws: ModelFileError.self) { try sample().write(to: dir.appendingPathComponent("no/such/m.aml")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.aml"])
    }
}
