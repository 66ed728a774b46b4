import Dispatch
import Foundation

/// `body(0) … body(count − 1)` on the machine's cores, the results in index order: the same values, in the same order,
/// whatever the number of threads, so a run's output does not depend on the machine.
///
/// Used where an account of many units splits into independent pieces (the services of a run, the rows of a units
/// table, the rows of a report): on two cores the slowest steps of a 10⁵-unit account take about half the time.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return (0..<count).map(body) }
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, body(index)) }
    return slots.values()
}

/// ``parallelMap(_:_:)`` for work that can fail.
///
/// - Throws: the error of the lowest index that failed, so the message is the one a loop in order would give.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    try parallelMap(count) { index in Result { try body(index) } }.map { try $0.get() }
}

/// `0..<count` cut into one contiguous range per core (none empty), for ``parallelMap(_:_:)`` over the rows of a
/// table.
public func parallelChunks(_ count: Int) -> [Range<Int>] {
    let pieces = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
    return (0..<pieces).map { piece in (count * piece / pieces)..<(count * (piece + 1) / pieces) }
}

/// `body(0) … body(count − 1)` made in place in one array, a contiguous piece of the indices per core, each piece
/// stopping at its first failure: the values before the lowest index that failed (every value when none did), and
/// that index with its error, so that what a caller reports is what a loop in order meets first.
///
/// Unlike ``parallelMap(_:_:)`` over pieces, no piece's array is copied into the result afterwards: at 10⁵ units,
/// copying touched every unit's storage once more (a cache miss for each) and freeing the pieces once again.
public func parallelPrefix<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) -> (values: [T], failure: (index: Int, error: any Error)?) {
    let pieces = parallelChunks(count)
    let stops = Slots<(index: Int, error: any Error)>(count: pieces.count)
    var failure: (index: Int, error: any Error)?
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        let target = UncheckedPointer(base)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { p in
            for index in pieces[p] {
                do { (target.base + index).initialize(to: try body(index)) } catch {
                    return stops.set(p, (index, error))
                }
            }
        }
        let stopped = stops.all()
        guard let first = stopped.compactMap({ $0 }).min(by: { $0.index < $1.index }) else {
            initialized = count
            return
        }
        // Pieces after the first failure read rows of their own: those values are let go, the prefix kept.
        for (piece, stop) in zip(pieces, stopped) where piece.lowerBound > first.index {
            (target.base + piece.lowerBound).deinitialize(count: (stop?.index ?? piece.upperBound) - piece.lowerBound)
        }
        initialized = first.index
        failure = first
    }
    return (values, failure)
}

/// The start of a buffer that `parallelPrefix` fills at disjoint indices from several threads.
private struct UncheckedPointer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    init(_ base: UnsafeMutablePointer<T>) { self.base = base }
}

/// One value per index, set from any thread.
private final class Slots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T?]

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { items[index] = value } }

    /// Every value: `concurrentPerform` returns only when every iteration has run, so none is missing.
    func values() -> [T] { lock.withLock { items.compactMap { $0 } } }

    /// Each index's value, nil where none was set.
    func all() -> [T?] { lock.withLock { items } }
}
