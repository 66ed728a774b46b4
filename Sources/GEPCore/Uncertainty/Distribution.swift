import Foundation

/// The uncertainty of one model value, sampled in the value's own unit.
///
/// Absolute forms give the distribution itself; relative forms scale the value by a random factor, which is how a
/// value given per ecosystem type varies (every type by the same factor, a fully correlated error). A distribution
/// with a lower bound (`truncatedBelow`) is sampled again until the draw respects it, for values that cannot be
/// negative.
public struct Distribution: Sendable, Hashable {
    public enum Shape: Sendable, Hashable {
        /// Normal with this mean and standard deviation.
        case normal(mean: Double, sd: Double)
        /// Lognormal with this median and σ of the logarithm.
        case lognormal(median: Double, sigma: Double)
        /// Uniform on [min, max].
        case uniform(min: Double, max: Double)
        /// Triangular on [min, max] with this mode.
        case triangular(min: Double, mode: Double, max: Double)
    }

    public let shape: Shape
    /// Draws below this are rejected and drawn again.
    public let truncatedBelow: Double?

    /// - Throws: ``DistributionError`` for a negative spread, an empty range or a mode outside it.
    public init(_ shape: Shape, truncatedBelow: Double? = nil) throws {
        switch shape {
        case let .normal(_, sd), let .lognormal(_, sd):
            guard sd >= 0, sd.isFinite else { throw DistributionError("the spread \(sd) must be a non-negative number") }
            if case let .lognormal(median, _) = shape, !(median > 0) { throw DistributionError("a lognormal median must be positive, not \(median)") }
        case let .uniform(min, max):
            guard min <= max else { throw DistributionError("uniform range [\(min), \(max)] is empty") }
        case let .triangular(min, mode, max):
            guard min <= mode, mode <= max, min < max else { throw DistributionError("triangular needs min ≤ mode ≤ max with min < max, got \(min), \(mode), \(max)") }
        }
        if let bound = truncatedBelow, case let .uniform(_, max) = shape, max < bound {
            throw DistributionError("the whole range lies below the truncation at \(bound)")
        }
        self.shape = shape
        self.truncatedBelow = truncatedBelow
    }

    /// The mean of the untruncated distribution.
    public var mean: Double {
        switch shape {
        case let .normal(mean, _): return mean
        case let .lognormal(median, sigma): return median * exp(sigma * sigma / 2)
        case let .uniform(min, max): return (min + max) / 2
        case let .triangular(min, mode, max): return (min + mode + max) / 3
        }
    }

    /// The variance of the untruncated distribution.
    public var variance: Double {
        switch shape {
        case let .normal(_, sd): return sd * sd
        case let .lognormal(median, sigma): return (exp(sigma * sigma) - 1) * exp(2 * log(median) + sigma * sigma)
        case let .uniform(min, max): return (max - min) * (max - min) / 12
        case let .triangular(a, c, b): return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        }
    }

    /// One draw.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        for _ in 0..<10_000 {
            let x = untruncatedSample(using: &generator)
            if truncatedBelow.map({ x >= $0 }) ?? true { return x }
        }
        return truncatedBelow ?? mean  // only reached when nearly all mass lies below the bound
    }

    private func untruncatedSample(using generator: inout some RandomNumberGenerator) -> Double {
        switch shape {
        case let .normal(mean, sd): return mean + sd * standardNormal(using: &generator)
        case let .lognormal(median, sigma): return median * exp(sigma * standardNormal(using: &generator))
        case let .uniform(min, max): return min + (max - min) * unitInterval(using: &generator)
        case let .triangular(a, c, b):
            let u = unitInterval(using: &generator)
            let split = (c - a) / (b - a)
            return u < split ? a + ((b - a) * (c - a) * u).squareRoot() : b - ((b - a) * (b - c) * (1 - u)).squareRoot()
        }
    }
}

/// A uniform draw in [0, 1) with 53 random bits.
func unitInterval(using generator: inout some RandomNumberGenerator) -> Double {
    Double(generator.next() >> 11) * 0x1p-53
}

/// A standard normal draw by the Box–Muller transform.
func standardNormal(using generator: inout some RandomNumberGenerator) -> Double {
    let u1 = 1 - unitInterval(using: &generator)  // (0, 1]: keeps log finite
    let u2 = unitInterval(using: &generator)
    return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
}

/// A distribution that cannot be built.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seedable generator, so that a seed gives the same draws on every
/// machine and whatever the thread count.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Distribution: CustomStringConvertible {
    /// The distribution in words, as reports and messages name it: "normal, mean 1, sd 0.05, ≥ 0", "uniform
    /// 50.54–61.6, ≥ 0" (the truncation last).
    public var description: String {
        let kind: String
        switch shape {
        case let .normal(mean, sd): kind = "normal, mean \(sixFigures(mean)), sd \(sixFigures(sd))"
        case let .lognormal(median, sigma): kind = "lognormal, median \(sixFigures(median)), σ \(sixFigures(sigma))"
        case let .uniform(min, max): kind = "uniform \(sixFigures(min))–\(sixFigures(max))"
        case let .triangular(min, mode, max): kind = "triangular \(sixFigures(min))–\(sixFigures(mode))–\(sixFigures(max))"
        }
        return truncatedBelow.map { "\(kind), ≥ \(sixFigures($0))" } ?? kind
    }
}
