/// A sum of doubles kept exactly, so that adding the same numbers in any order or grouping gives the same bits: a
/// raster's blocks summed on any number of threads, or its tiles computed on other machines and merged later.
///
/// The sum is held as non-overlapping partials (Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast
/// Robust Geometric Predicates", Discrete Comput. Geom. 18, 1997, the GROW-EXPANSION step), and read rounded once,
/// correctly, to the nearest double (half to even), as Python's `math.fsum` does. An addend costs a pass over the
/// partials, which stay few (two or three) for sums of like-signed amounts.
///
/// Infinities and NaN cannot be partials: they are summed apart and then are the value, as is an intermediate sum
/// beyond the largest double.
public struct ExactSum: Sendable, Hashable {
    /// In increasing magnitude; their exact sum is the sum.
    public private(set) var partials: [Double] = []
    /// The sum of the non-finite addends and of any intermediate that overflowed; zero when there were none.
    private var nonFinite = 0.0

    public init() {}

    /// The exact sum of `addends`.
    public init(_ addends: some Sequence<Double>) {
        for addend in addends { add(addend) }
    }

    /// Adds `addend` exactly.
    public mutating func add(_ addend: Double) {
        guard addend.isFinite else {
            nonFinite += addend
            return
        }
        var x = addend, kept = 0
        for j in partials.indices {
            var y = partials[j]
            if abs(x) < abs(y) { swap(&x, &y) }
            let high = x + y
            guard high.isFinite else {
                nonFinite += high
                return
            }
            let low = y - (high - x)  // exact: the rounding error of high (Dekker's Fast2Sum, |x| ≥ |y|)
            if low != 0 {
                partials[kept] = low
                kept += 1
            }
            x = high
        }
        partials.removeSubrange(kept...)
        partials.append(x)
    }

    /// Adds another exact sum: the result is exact, so merging sums in any grouping gives the same value.
    public mutating func add(_ other: ExactSum) {
        for partial in other.partials { add(partial) }
        if other.nonFinite != 0 || other.nonFinite.isNaN { nonFinite += other.nonFinite }
    }

    /// The sum rounded to the nearest double, ties to even (CPython's `math.fsum`, `Modules/mathmodule.c`).
    public var value: Double {
        guard nonFinite == 0, !nonFinite.isNaN else { return nonFinite }
        var n = partials.count
        guard n > 0 else { return 0 }
        n -= 1
        var high = partials[n], low = 0.0
        while n > 0 {
            let x = high
            n -= 1
            let y = partials[n]
            high = x + y
            low = y - (high - x)
            if low != 0 { break }
        }
        // The partials below were dropped: when they push `low` past a tie, round away from it.
        if n > 0, (low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0) {
            let y = low * 2, x = high + y
            if y == x - high { high = x }
        }
        return high
    }
}

extension ExactSum: Codable {
    /// The partials, as a JSON array of numbers; any array decodes to its exact sum, normalised again.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(nonFinite == 0 ? partials : partials + [nonFinite])
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Double].self))
    }
}
