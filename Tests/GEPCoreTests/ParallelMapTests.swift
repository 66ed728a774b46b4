import Foundation
import GEPCore
import Testing

@Suite("parallelMap: results in index order, the first error in index order")
struct ParallelMapTests {
    @Test func resultsAreInIndexOrder() {
        let squares = parallelMap(10_000) { $0 * $0 }
        #expect(squares == (0..<10_000).map { $0 * $0 })
        #expect(parallelMap(0) { $0 }.isEmpty)
    }

    struct Failure: Error, Equatable { let index: Int }

    /// Several indices fail; whichever thread meets which first, the error is the lowest index's.
    @Test func theLowestFailingIndexIsThrown() {
        for _ in 0..<20 {
            #expect(throws: Failure(index: 300)) {
                _ = try parallelMap(1000) { index -> Int in
                    if [300, 301, 700, 999].contains(index) { throw Failure(index: index) }
                    return index
                }
            }
        }
    }

    /// Values made in place, in index order; with failures, the values before the lowest failing index and that
    /// index's error, whatever the pieces after it had made (strings, so that letting them go frees storage).
    @Test func prefixBeforeTheFirstFailure() {
        let all = parallelPrefix(10_001) { "row \($0) of a table long enough to be stored" }
        #expect(all.failure == nil && all.values == (0..<10_001).map { "row \($0) of a table long enough to be stored" })
        #expect(parallelPrefix(0) { $0 }.values.isEmpty)
        for failing in [[0], [9_999], [5_000, 5_001, 9_000], [3, 7_500]] {
            let read = parallelPrefix(10_000) { index -> String in
                if failing.contains(index) { throw Failure(index: index) }
                return "row \(index) of a table long enough to be stored"
            }
            let first = failing.min() ?? 0
            #expect(read.values == (0..<first).map { "row \($0) of a table long enough to be stored" })
            #expect(read.failure?.index == first && (read.failure?.error as? Failure) == Failure(index: first))
        }
    }

    final class Token: Sendable {}

    /// A value handed over is let go: its last reference is released on the other thread, soon.
    @Test func releasedInBackground() async throws {
        var token: Token? = Token()
        weak let watched = token
        releaseInBackground(token.take())
        for _ in 0..<500 where watched != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(watched == nil && token == nil)
    }

    /// The chunks cover 0..<count once, in order, none empty.
    @Test func chunksCoverTheRange() {
        for count in [1, 2, 3, 7, 100_001] {
            let chunks = parallelChunks(count)
            #expect(chunks.first?.lowerBound == 0 && chunks.last?.upperBound == count)
            #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(chunks.allSatisfy { !$0.isEmpty })
        }
    }
}
