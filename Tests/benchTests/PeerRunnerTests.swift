import Foundation
import Testing
@testable import bench

@Suite struct PeerRunnerTests {
    func shell(_ script: String) -> Subprocess {
        Subprocess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script])
    }

    @Test func aFailingCommandReportsItsCommandAndStderrTail() {
        let command = shell("for i in $(seq 1 30); do echo line $i >&2; done; exit 3")
        #expect {
            try command.run()
        } throws: { error in
            guard case .processFailed(let line, let status, let tail) = error as? BenchError else { return false }
            return line.hasPrefix("/bin/sh -c") && status == 3 && tail.contains("line 30")
                && !tail.contains("line 15\n") && (error as! BenchError).description.contains("exited with status 3")
        }
    }

    @Test func jsonOutputDecodesWithThePeersKeys() throws {
        let json = #"{"train": {"seconds": [1.5, 1.25], "median_seconds": 1.375}, "peak_rss_bytes": [100, 120],"#
            + #" "rss_before_training_bytes": [90, 95], "test_auc": 0.8, "test_log_loss": 0.45, "trees_built": 300,"#
            + #" "loadavg_before": [1, 2, 3], "loadavg_after": [2, 2, 3], "versions": {"xgboost-cpu": "3.2.0"}}"#
        let out = try shell("cat <<'EOF'\n\(json)\nEOF").runJSON(GBDTRunOutput.self)
        #expect(out.train.seconds == [1.5, 1.25] && out.peakRssBytes == [100, 120] && out.treesBuilt == 300)
        #expect(out.versions["xgboost-cpu"] == "3.2.0" && out.loadavgBefore == [1, 2, 3])
    }

    @Test func missingKeysAreNamedInTheError() {
        #expect {
            try shell("echo '{\"read\": {\"seconds\": [1]}}'").runJSON(PandasReadOutput.self)
        } throws: { error in
            guard case .badOutput(_, let detail) = error as? BenchError else { return false }
            return detail.contains("no key 'bytes'")
        }
    }

    @Test func wordsAreQuotedForTheShellOnlyWhenNeeded() {
        #expect(Subprocess.quoted("--rows") == "--rows")
        #expect(Subprocess.quoted("a b") == "'a b'")
        #expect(Subprocess.quoted("it's") == #"'it'\''s'"#)
        var s = shell("true")
        s.environment = ["OMP_WAIT_POLICY": "PASSIVE"]
        #expect(s.commandLine == "OMP_WAIT_POLICY=PASSIVE /bin/sh -c true")
    }
}
