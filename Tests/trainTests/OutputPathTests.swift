import Foundation
import Testing
@testable import train
#if canImport(Glibc)
import Glibc
#endif

/// `train` commands write over regular files only; links are followed, devices and `-` written
/// through, folders refused before the work (issue 16, item 3).
@Suite struct OutputPathTests {
    @Test func predictFollowsLinksAndWritesDevicesThrough() throws {
        let s = try ErrorTests.sandboxWithModel()
        try s.write("real.csv", "old")
        #expect(symlink(s.url("real.csv").path, s.url("link.csv").path) == 0)
        let linked = s.run(["predict", "--model", "runs/m/model.aml", "--baac", "gen", "--output", "link.csv", "-q"])
        #expect(linked.status == 0, "\(linked.err)")
        var status = stat()
        #expect(lstat(s.url("link.csv").path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        #expect(try s.text("real.csv").hasPrefix("Num_Acc,predicted,"))

        #expect(s.run(["predict", "--model", "runs/m/model.aml", "--baac", "gen", "--output", "/dev/null", "-q"]).status == 0)
        var device = stat()
        #expect(stat("/dev/null", &device) == 0 && device.st_mode & S_IFMT == S_IFCHR)
        let full = ErrorTests.failure(s, ["predict", "--model", "runs/m/model.aml", "--baac", "gen", "--output", "/dev/full"],
                                      status: 73)
        #expect(full.contains("/dev/full") && full.contains("No space left"))
    }

    @Test func aFolderAsOutputIsRefusedBeforeAnyWork() throws {
        let s = try ErrorTests.sandboxWithModel()
        try FileManager.default.createDirectory(at: s.url("adir"), withIntermediateDirectories: true)
        let line = ErrorTests.failure(s, ["predict", "--model", "runs/m/model.aml", "--baac", "gen", "--output", "adir"],
                                      status: 73)
        #expect(line.contains("adir") && line.contains("is a folder"))
        try s.write("afile", "keep")
        let fit = ErrorTests.failure(s, ["fit", "--baac", "gen", "--output", "afile"], status: 73)
        #expect(fit.contains("afile"))
        #expect(try s.text("afile") == "keep")
    }
}
