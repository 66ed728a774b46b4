/// A unit of a ``PhysicalDimension``: a symbol for display, the other spellings accepted in files, and the factor
/// that converts one of it into the dimension's base unit.
public struct MeasurementUnit<Dimension: PhysicalDimension>: Sendable, Hashable, CustomStringConvertible {
    /// The symbol used in output, e.g. "km²" or "万亩".
    public let symbol: String
    /// How many base units one of this unit is: 1 km² = 1e6 m², so `baseUnitsPerUnit` of km² is 1e6.
    public let baseUnitsPerUnit: Double
    /// Other accepted spellings ("km2", "平方公里"), compared after ``UnitCatalog/normalise(_:)``.
    public let aliases: [String]

    /// The normalised symbol and aliases, computed once: unit lookups run for every input read.
    let spellings: [String]

    public init(symbol: String, baseUnitsPerUnit: Double, aliases: [String] = []) {
        precondition(baseUnitsPerUnit > 0 && baseUnitsPerUnit.isFinite, "unit \(symbol): factor must be positive")
        self.symbol = symbol
        self.baseUnitsPerUnit = baseUnitsPerUnit
        self.aliases = aliases
        self.spellings = ([symbol] + aliases).map(UnitCatalog.normalise)
    }

    public var description: String { symbol }
}
