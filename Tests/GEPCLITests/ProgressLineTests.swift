@testable import GEPCommandLine
import GEPCore
import Testing

@Suite("Progress line of long runs")
struct ProgressLineTests {
    /// On a clock the test moves: nothing in the first second, then the line at most every 0.2 s, with the rate so
    /// far (3000 draws in 1.5 s: 2000/s) and the time left at that rate (7000 / 2000 = 3.5 s, shown as 0:04); the
    /// end erases it.
    @Test func drawsAfterADelayThrottledAndErased() {
        var time = 100.0
        var written = [String]()
        let line = ProgressLine(now: { time }) { written.append($0) }
        time = 100.5
        line.update(RunProgress(completed: 1000, total: 10_000, steps: "draws"))
        #expect(written.isEmpty)
        time = 101.5
        line.update(RunProgress(completed: 3000, total: 10_000, steps: "draws"))
        #expect(written == ["\r3 000 / 10 000 draws · 2 000/s · 0:04 left\u{1B}[K"])
        time = 101.6
        line.update(RunProgress(completed: 3200, total: 10_000, steps: "draws"))
        #expect(written.count == 1)
        time = 101.8
        line.update(RunProgress(completed: 3600, total: 10_000, steps: "draws"))
        #expect(written.count == 2)
        line.finish()
        #expect(written.last == "\r\u{1B}[K")
    }

    @Test func aShortRunWritesNothing() {
        var written = [String]()
        let line = ProgressLine(now: { 0 }) { written.append($0) }
        line.update(RunProgress(completed: 10, total: 10, steps: "draws"))
        line.finish()
        #expect(written.isEmpty)
    }

    @Test(arguments: [(7.0, "0:07"), (754, "12:34"), (3723, "1:02:03"), (0.2, "0:01")])
    func clock(seconds: Double, text: String) { #expect(ProgressLine.clock(seconds) == text) }

    @Test func grouping() {
        #expect(ProgressLine.grouped(0) == "0")
        #expect(ProgressLine.grouped(999) == "999")
        #expect(ProgressLine.grouped(1_234_567) == "1 234 567")
    }
}
