/// A unit of a dimension known at run time: what a unit string read from a file turns into, and the unit of a
/// valued line or an account column, whose dimension differs from line to line.
///
/// A value read from a file looks its unit string up once, when the value is made (as the file loads), and keeps the
/// result here; evaluating an account then multiplies by the stored factor and never touches the string again
/// (``UnitLookupCounter`` counts the lookups, so a test can show that none happen during evaluation).
///
/// Two units are equal when they measure the same dimension at the same scale; the symbol is for display.
public struct AnyUnit: Sendable, Hashable, CustomStringConvertible {
    /// The dimension the unit measures.
    public let dimension: any PhysicalDimension.Type
    /// How many base units of `dimension` one of this unit is.
    public let baseUnitsPerUnit: Double
    /// The symbol the package displays ("km²" for "km2").
    public let symbol: String
    /// The position of the unit in `dimension.units`, when it is one of them.
    private let index: Int?

    /// The unit spelt `text` in whichever dimension of ``UnitCatalog/dimensions`` has it; nil when none does.
    public init?(_ text: String) {
        for dimension in UnitCatalog.dimensions {
            if let found = dimension.index(ofUnit: text) {
                self.dimension = dimension
                self.index = found
                self.baseUnitsPerUnit = dimension.baseUnitsPerUnit(at: found)
                self.symbol = dimension.symbol(at: found)
                return
            }
        }
        return nil
    }

    /// A typed unit, forgetting its type.
    public init<D: PhysicalDimension>(_ unit: MeasurementUnit<D>) {
        dimension = D.self
        baseUnitsPerUnit = unit.baseUnitsPerUnit
        symbol = unit.symbol
        index = nil
    }

    /// The unit as a `MeasurementUnit` of `D`, or nil when it measures another dimension (or was not read from text).
    public func unit<D: PhysicalDimension>(_: D.Type) -> MeasurementUnit<D>? {
        guard dimension == D.self, let index else { return nil }
        return D.units[index]
    }

    /// The factor that converts an amount in this unit into `other`, nil when the dimensions differ.
    public func factor(to other: AnyUnit) -> Double? {
        dimension == other.dimension ? baseUnitsPerUnit / other.baseUnitsPerUnit : nil
    }

    public var description: String { symbol }

    public static func == (lhs: AnyUnit, rhs: AnyUnit) -> Bool {
        lhs.dimension == rhs.dimension && lhs.baseUnitsPerUnit == rhs.baseUnitsPerUnit
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(dimension))
        hasher.combine(baseUnitsPerUnit)
    }
}

extension PhysicalDimension {
    /// The position in `units` of the unit spelt `text`, matched as ``unit(named:)`` matches.
    static func index(ofUnit text: String) -> Int? {
        UnitCatalog.lookupCounter?.increment()
        if let exact = units.firstIndex(where: { $0.symbol == text || $0.aliases.contains(text) }) { return exact }
        let key = UnitCatalog.normalise(text)
        return units.firstIndex { $0.spellings.contains(key) }
    }

    static func baseUnitsPerUnit(at index: Int) -> Double { units[index].baseUnitsPerUnit }

    static func symbol(at index: Int) -> String { units[index].symbol }
}
