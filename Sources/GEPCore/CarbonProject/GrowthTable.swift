/// Stand volume by age for one stratum: the growth (yield) table a forest carbon project projects its stock from.
///
/// Between tabulated ages the volume is interpolated linearly; beyond the last age it stays at the last value (a
/// table is not extrapolated). Ages are years since planting.
public struct GrowthTable: Sendable, Hashable {
    /// Tabulated ages, strictly increasing, the first at or below every age asked for.
    public let ages: [Double]
    /// Stand volume at each age, m³ ha⁻¹.
    public let cubicMetresPerHectare: [Double]

    /// - Throws: ``CarbonProjectError/invalidGrowthTable(_:)`` for fewer than two rows, ages not increasing, or
    ///   volumes that are negative or not finite.
    public init(ages: [Double], cubicMetresPerHectare volumes: [Double]) throws {
        guard ages.count == volumes.count, ages.count >= 2 else {
            throw CarbonProjectError.invalidGrowthTable("expected at least two ages, with one volume each (found \(ages.count) ages, \(volumes.count) volumes)")
        }
        guard ages.allSatisfy(\.isFinite), zip(ages, ages.dropFirst()).allSatisfy({ $0 < $1 }), ages[0] >= 0 else {
            throw CarbonProjectError.invalidGrowthTable("ages must be finite, non-negative and strictly increasing")
        }
        guard volumes.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw CarbonProjectError.invalidGrowthTable("volumes must be non-negative finite m³/ha")
        }
        self.ages = ages
        self.cubicMetresPerHectare = volumes
    }

    /// Stand volume at `age`, m³ ha⁻¹.
    ///
    /// - Precondition: `age` is at or above the first tabulated age (the estimate checks its crediting period).
    public func volume(atAge age: Double) -> Double {
        precondition(age >= ages[0], "age \(age) before the growth table's first age \(ages[0])")
        guard let upper = ages.firstIndex(where: { $0 >= age }) else { return cubicMetresPerHectare[cubicMetresPerHectare.count - 1] }
        guard upper > 0 else { return cubicMetresPerHectare[0] }
        let lower = upper - 1
        let fraction = (age - ages[lower]) / (ages[upper] - ages[lower])
        return cubicMetresPerHectare[lower] + fraction * (cubicMetresPerHectare[upper] - cubicMetresPerHectare[lower])
    }
}

/// A carbon project's inputs that cannot be used.
public enum CarbonProjectError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidGrowthTable(String)
    case invalidParameter(String, value: Double, expected: String)

    public var description: String {
        switch self {
        case let .invalidGrowthTable(detail): return "growth table: \(detail)"
        case let .invalidParameter(name, value, expected): return "\(name) is \(value); expected \(expected)"
        }
    }
}
