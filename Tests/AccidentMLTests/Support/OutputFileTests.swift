import AccidentTestSupport
import Dispatch
import Foundation
import Testing
@testable import AccidentML
#if canImport(Glibc)
import Glibc
#endif

/// Output files never clobber what they should not: regular files are replaced atomically, links
/// are followed, FIFOs and devices written through, folders refused (issue 16, item 3).
@Suite struct OutputFileTests {
    func kind(_ path: String) -> mode_t {
        var s = stat()
        return lstat(path, &s) == 0 ? s.st_mode & S_IFMT : 0
    }

    @Test func aNewOrRegularFileIsReplacedAtomicallyAndNothingElseIsLeft() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("out.csv").path
        try OutputFile.write(Array("one\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
        do {
            let dropped = try OutputFile(path: path)
            try dropped.write("half")
        }  // dropped without commit: the old content stays, the temporary file is gone
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
        try OutputFile.write(Array("two\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.csv"])
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws {
        let folder = try TemporaryFolder()
        let target = try folder.write("target.csv", "old")
        let link = folder.url.appendingPathComponent("link.csv").path
        #expect(symlink(target.path, link) == 0)
        #expect(try OutputDestination.resolve(link) == .atomicFile(URL(fileURLWithPath: target.resolvingSymlinksInPath().path)))
        try OutputFile.write(Array("new".utf8), to: link)
        #expect(kind(link) == S_IFLNK)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
    }

    @Test func aFIFOIsWrittenThroughNotReplaced() async throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let read = DispatchQueue.global().asyncRead(fifo)
        try OutputFile.write(Array("through the pipe\n".utf8), to: fifo)
        #expect(await read.value == "through the pipe\n")
        #expect(kind(fifo) == S_IFIFO)
    }

    @Test func devicesAreWrittenThroughAndAFullDeviceIsAnError() throws {
        try OutputFile.write(Array("nothing".utf8), to: "/dev/null")
        #expect(kind("/dev/null") == S_IFCHR)
        #expect(throws: OutputPathError.self) { try OutputFile.write(Array("x".utf8), to: "/dev/full") }
        #expect(try OutputDestination.resolve("-") == .standardOutput)
    }

    @Test func foldersDanglingLinksAndMissingFoldersAreRefusedClearly() throws {
        let folder = try TemporaryFolder()
        let dangling = folder.url.appendingPathComponent("dangling").path
        #expect(symlink(folder.url.appendingPathComponent("absent").path, dangling) == 0)
        let cases = [(folder.url.path, "is a folder"), (dangling, "dangling"),
                     (folder.url.appendingPathComponent("no/such/out.csv").path, "does not exist")]
        for (path, reason) in cases {
            #expect {
                try OutputDestination.resolve(path)
            } throws: { e in
                guard let e = e as? OutputPathError, case .unusable(let p, let r) = e else { return false }
                return p == path && r.contains(reason) && e.category == .output
            }
        }
    }
}

extension DispatchQueue {
    /// Reads `path` (a FIFO) to its end on this queue.
    func asyncRead(_ path: String) -> Task<String, Never> {
        Task.detached {
            let fd = open(path, O_RDONLY)  // blocks until the writer opens the FIFO
            defer { close(fd) }
            var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                bytes += buffer[0..<n]
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
