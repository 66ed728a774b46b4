import Foundation
import GEPFuzz

/// What the fuzz workers share with the watchdog: each worker's current mutant and when it started, and the
/// summaries when they finish.
///
/// `@unchecked Sendable` because every access goes through `lock`: the workers write, the main thread reads.
final class FuzzProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var current: [(index: Int, since: Date)?]
    private var summaries: [FuzzHarness.Summary]

    init(workers: Int) {
        current = Array(repeating: nil, count: workers)
        summaries = Array(repeating: FuzzHarness.Summary(), count: workers)
    }

    func started(_ index: Int, worker: Int) { lock.withLock { current[worker] = (index, Date()) } }

    func finished(_ summary: FuzzHarness.Summary, worker: Int) {
        lock.withLock {
            summaries[worker] = summary
            current[worker] = nil
        }
    }

    /// A mutant that has run longer than `limit`, if any.
    func stuck(after limit: TimeInterval) -> Int? {
        lock.withLock { current.compactMap { $0 }.first { Date().timeIntervalSince($0.since) > limit }?.index }
    }

    var total: FuzzHarness.Summary { lock.withLock { summaries.reduce(FuzzHarness.Summary()) { $0.adding($1) } } }
}
