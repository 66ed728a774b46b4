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
