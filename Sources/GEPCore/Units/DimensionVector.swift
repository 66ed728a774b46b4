/// A dimension as exponents of base quantities, for checking formulas whose dimensions are known only at run time
/// (declarative services read from YAML): area is length², density is mass · length⁻³.
///
/// The base quantities match the base units of the ``PhysicalDimension`` types (m, t, 元, kWh, visit, d), which are
/// coherent: a product of base values is the base value of the product. Dimensions whose units are not coherent
/// with these (RUSLE's R and K, energy per area per day) have no vector and cannot appear in declarative formulas.
public struct DimensionVector: Sendable, Hashable, CustomStringConvertible {
    /// Exponents of length (m), mass (t), money (元), energy (kWh), count (visit) and time (d).
    public var exponents: [Int]

    static let symbols = ["m", "t", "元", "kWh", "visit", "d"]

    public init(length: Int = 0, mass: Int = 0, money: Int = 0, energy: Int = 0, count: Int = 0, time: Int = 0) {
        exponents = [length, mass, money, energy, count, time]
    }

    /// A pure number.
    public static let dimensionless = DimensionVector()

    public var isDimensionless: Bool { exponents.allSatisfy { $0 == 0 } }

    public static func * (lhs: DimensionVector, rhs: DimensionVector) -> DimensionVector {
        var result = lhs
        for i in result.exponents.indices { result.exponents[i] += rhs.exponents[i] }
        return result
    }

    public static func / (lhs: DimensionVector, rhs: DimensionVector) -> DimensionVector {
        var result = lhs
        for i in result.exponents.indices { result.exponents[i] -= rhs.exponents[i] }
        return result
    }

    /// The largest exponent magnitude a power may give: far beyond any physical unit, and far from Int overflow.
    public static let exponentLimit = 64

    /// Raised to an integer power; nil when an exponent would pass ±``exponentLimit`` (a formula nesting powers,
    /// `((x^12)^12)^12…`, would otherwise overflow the exponents).
    public func power(_ n: Int) -> DimensionVector? {
        var raised = [Int]()
        for exponent in exponents {
            let (product, overflow) = exponent.multipliedReportingOverflow(by: n)
            guard !overflow, abs(product) <= Self.exponentLimit else { return nil }
            raised.append(product)
        }
        return DimensionVector(exponents: raised)
    }

    /// The square root, when every exponent is even.
    public func squareRoot() -> DimensionVector? {
        exponents.allSatisfy { $0 % 2 == 0 } ? DimensionVector(exponents: exponents.map { $0 / 2 }) : nil
    }

    private init(exponents: [Int]) {
        self.exponents = exponents
    }

    /// "m³", "t·m⁻²", "1" for a pure number.
    public var description: String {
        let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                                    "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        let parts = zip(DimensionVector.symbols, exponents).filter { $0.1 != 0 }.map { symbol, exponent in
            exponent == 1 ? symbol : symbol + String(String(exponent).map { superscripts[$0]! })
        }
        return parts.isEmpty ? "1" : parts.joined(separator: "·")
    }

    /// The vector of a dimension type, nil for those not coherent with the base units.
    public static func of(_ dimension: any PhysicalDimension.Type) -> DimensionVector? {
        switch dimension {
        case is Area.Type: return DimensionVector(length: 2)
        case is Volume.Type: return DimensionVector(length: 3)
        case is Mass.Type: return DimensionVector(mass: 1)
        case is Length.Type: return DimensionVector(length: 1)
        case is Energy.Type: return DimensionVector(energy: 1)
        case is Count.Type: return DimensionVector(count: 1)
        case is Ratio.Type: return .dimensionless
        case is Currency.Type: return DimensionVector(money: 1)
        case is ArealMass.Type: return DimensionVector(length: -2, mass: 1)
        case is VolumePerArea.Type: return DimensionVector(length: 1)
        case is Density.Type: return DimensionVector(length: -3, mass: 1)
        case is MassPerLength.Type: return DimensionVector(length: -1, mass: 1)
        case is Time.Type: return DimensionVector(time: 1)
        case is EnergyPerVolume.Type: return DimensionVector(length: -3, energy: 1)
        default: return nil
        }
    }
}
