import Foundation
import GEPCore

/// A one-line progress meter on standard error for long runs: "4 210 / 10 000 draws · 1 830/s · 0:03 left".
///
/// Only when standard error is a terminal, and only once a run has lasted ``delay``: short runs and redirected output
/// stay clean. The line is redrawn at most every ``interval`` and erased when the run ends, and while it shows,
/// Ctrl-C erases it before the process exits with status 130 (nothing is written to `--out`, which is written whole
/// at the end or not at all).
final class ProgressLine {
    /// How long a run goes before the line appears.
    static let delay: TimeInterval = 1
    /// The least time between two redraws.
    static let interval: TimeInterval = 0.2

    private let now: () -> TimeInterval
    private let write: (String) -> Void
    private let start: TimeInterval
    private var lastDrawn: TimeInterval?

    /// - Parameters:
    ///   - now: a monotonic clock in seconds.
    ///   - write: where the line goes.
    init(now: @escaping () -> TimeInterval, write: @escaping (String) -> Void) {
        self.now = now
        self.write = write
        start = now()
    }

    /// A progress handler for a command: nil (no meter, no calls) unless standard error is a terminal.
    static func forStandardError() -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        signal(SIGINT) { _ in
            let erase: StaticString = "\r\u{1B}[K"
            _ = Foundation.write(STDERR_FILENO, erase.utf8Start, erase.utf8CodeUnitCount)
            _exit(130)
        }
        return ProgressLine(now: { ProcessInfo.processInfo.systemUptime }) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    func update(_ progress: RunProgress) {
        let time = now()
        let elapsed = time - start
        guard elapsed >= Self.delay, lastDrawn.map({ time - $0 >= Self.interval }) ?? true, progress.completed < progress.total else { return }
        lastDrawn = time
        write("\r" + Self.text(progress, elapsed: elapsed) + "\u{1B}[K")
    }

    /// Erases the line, if it was drawn.
    func finish() {
        if lastDrawn != nil { write("\r\u{1B}[K") }
        lastDrawn = nil
    }

    /// "4 210 / 10 000 draws · 1 830/s · 0:03 left": the rate so far, and the time left at that rate.
    static func text(_ progress: RunProgress, elapsed: TimeInterval) -> String {
        let rate = elapsed > 0 ? Double(progress.completed) / elapsed : 0
        let left = rate > 0 ? Double(progress.total - progress.completed) / rate : 0
        return "\(grouped(progress.completed)) / \(grouped(progress.total)) \(progress.steps) · \(grouped(Int(rate.rounded())))/s · \(clock(left)) left"
    }

    /// 12345 → "12 345".
    static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups = [String]()
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: " ")
    }

    /// Seconds as "0:07", "12:34" or "1:02:03".
    static func clock(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
