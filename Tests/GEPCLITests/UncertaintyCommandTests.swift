import Foundation
import GEPReport
import Testing

@Suite("gep uncertainty and gep sensitivity")
struct UncertaintyCommandTests {
    static func model(_ name: String) -> String { packageRoot.appendingPathComponent("models/regions/\(name).yaml").path }

    /// Genhe with 200 draws: the 5–95 % interval of GEP contains the median, and the deterministic GEP lies inside
    /// the range of the draws; the same seed prints the same numbers.
    @Test func genheSummaryAndRepeatability() throws {
        let first = try runGEP(["uncertainty", Self.model("genhe"), "--draws", "200", "--seed", "7", "--format", "json"])
        #expect(first.status == 0, "\(first.standardError)")
        let report = try JSONDecoder().decode(UncertaintyReport.self, from: Data(first.standardOutput.utf8))
        #expect(report.schema == "gepkit.uncertainty/1" && report.draws == 200)
        #expect(report.total.p5 < report.total.median && report.total.median < report.total.p95)
        #expect(report.histogram.reduce(0) { $0 + $1.count } == 200)
        #expect(report.histogram.first!.lowerYuan <= report.deterministicGEPYuan && report.deterministicGEPYuan <= report.histogram.last!.upperYuan)
        #expect(report.services.map(\.id) == ["water-conservation", "soil-retention", "flood-regulation", "carbon-sink", "oxygen-release"])
        let second = try runGEP(["uncertainty", Self.model("genhe"), "--draws", "200", "--seed", "7", "--format", "json"])
        #expect(withoutRun(second.standardOutput) == withoutRun(first.standardOutput))
    }

    /// Manzhouli's only uncertain values are prices, so its draws are valued with one dgemm; the JSON is identical
    /// with one and with two BLAS threads.
    @Test func identicalWhateverTheThreadCount() throws {
        let arguments = ["uncertainty", Self.model("manzhouli"), "--draws", "3000", "--seed", "3", "--format", "json"]
        let one = try runGEP(arguments, environment: ["OPENBLAS_NUM_THREADS": "1"])
        let two = try runGEP(arguments, environment: ["OPENBLAS_NUM_THREADS": "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(withoutRun(one.standardOutput) == withoutRun(two.standardOutput))
    }

    /// Sensitivity of Genhe: water conservation dominates, so precipitation has the largest elasticity and the
    /// price elasticity of the reservoir cost is its share of GEP (0.957); the HTML has the tornado chart.
    @Test func genheSensitivity() throws {
        let run = try runGEP(["sensitivity", Self.model("genhe"), "--samples", "60", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(SensitivityReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.rows.first?.parameter == "precipitation")
        #expect(report.rows.first.map { $0.firstOrder.value > 0.5 && $0.totalOrder.value > 0.5 } == true)
        let reservoir = try #require(report.rows.first { $0.parameter == "price reservoir-construction-cost" })
        #expect(abs(reservoir.elasticity - (360.61 + 1.65) / 378.02) < 1e-3)
        let html = try runGEP(["sensitivity", Self.model("genhe"), "--samples", "20", "--format", "html"]).standardOutput
        #expect(html.contains("id=\"tornado\"") && html.components(separatedBy: "<svg").count == 2)
    }

    /// The README's command, `gep sensitivity MODEL --samples 500`, on each bundled region and seeds 1–5: it runs
    /// (physically impossible rows are drawn again, not fatal), every first-order index lies in [0, 1] within its
    /// 95 % interval, and every interval holds its index.
    @Test(arguments: ["genhe", "manzhouli", "xilinhot"])
    func readmeSensitivityCommandGivesValidIndices(region: String) throws {
        for seed in 1...5 {
            let run = try runGEP(["sensitivity", Self.model(region), "--samples", "500", "--seed", "\(seed)", "--format", "json"])
            #expect(run.status == 0, "\(region) seed \(seed): \(run.standardError)")
            guard run.status == 0 else { continue }
            let report = try JSONDecoder().decode(SensitivityReport.self, from: Data(run.standardOutput.utf8))
            #expect(report.schema == "gepkit.sensitivity/2" && report.samples == 500 && report.bootstrapResamples == 1000)
            for row in report.rows {
                let (s, st) = (row.firstOrder, row.totalOrder)
                #expect(s.lower <= 1 && s.upper >= 0, "\(region) seed \(seed) \(row.parameter): S = \(s)")
                #expect(s.lower <= s.value && s.value <= s.upper && st.lower <= st.value && st.value <= st.upper)
            }
            // Σ Sᵢ ≤ 1: the interaction share is not negative beyond its interval.
            #expect(report.interaction.upper >= 0)
        }
    }

    /// Counts outside their ranges are refused before any work, with the option, the value and the range.
    @Test(arguments: [
        (["sensitivity", "--samples", "0"], "--samples is 0; expected 10 to 1000000"),
        (["sensitivity", "--samples", "1"], "--samples is 1; expected 10 to 1000000"),
        (["sensitivity", "--bootstrap", "5"], "--bootstrap is 5; expected 100 to 100000"),
        (["uncertainty", "--draws", "3000000000"], "--draws is 3000000000; expected 2 to 1000000"),
        (["uncertainty", "--draws", "1"], "--draws is 1; expected 2 to 1000000"),
    ])
    func countsOutsideTheirRangesAreRefused(arguments: [String], message: String) throws {
        let run = try runGEP([arguments[0], Self.model("manzhouli")] + arguments.dropFirst())
        #expect(run.status != 0)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    /// Under a terminal (util-linux `script` gives the run a pseudo-terminal), a run longer than a second shows its
    /// progress on standard error: draws done of the total, the rate and the time left; the line is erased at the end.
    /// Without a terminal, as in every other test here, standard error stays empty.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressShowsOnATerminalOnly() throws {
        let gep = gepExecutable
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-progress-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let command = "'\(gep.path)' uncertainty '\(Self.model("genhe"))' --draws 10000 --seed 3 --format json --out '\(out.path)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["--quiet", "--return", "--command", command, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" / 10 000 draws · ") && text.contains("/s · ") && text.contains(" left"), "\(text)")
        #expect(text.hasSuffix("\r\u{1B}[K"), "the line is erased at the end")
        let plain = try runGEP(["uncertainty", Self.model("genhe"), "--draws", "10000", "--seed", "3", "--format", "json"])
        #expect(plain.status == 0 && plain.standardError.isEmpty)
        #expect(withoutRun(try String(contentsOf: out, encoding: .utf8)) == withoutRun(plain.standardOutput))
    }

    /// Ctrl-C (SIGINT, sent to the process id this test started) stops a long run: a non-zero status, and no
    /// report file, since `--out` is written whole at the end or not at all.
    @Test func interruptLeavesNoOutput() throws {
        let gep = gepExecutable
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-interrupt-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let pid = try spawnAsForeground(gep.path, ["uncertainty", Self.model("genhe"), "--draws", "1000000", "--out", out.path])
        Thread.sleep(forTimeInterval: 1.5)
        kill(pid, SIGINT)
        var status: Int32 = 0
        var reaped = false
        for _ in 0..<100 where !reaped {  // 10 s at most; a run that ignores the interrupt is killed, and fails the test
            reaped = waitpid(pid, &status, WNOHANG) == pid
            if !reaped { Thread.sleep(forTimeInterval: 0.1) }
        }
        if !reaped {
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
        }
        #expect(reaped, "the run did not stop on SIGINT")
        // Killed by SIGINT: WIFSIGNALED with signal 2 (the low seven bits of the status).
        #expect(status & 0x7f == SIGINT, "status \(status)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
