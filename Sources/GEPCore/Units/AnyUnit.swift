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
    ///
    /// Text spelt exactly as a symbol or alias is matched first, in every dimension; only then is the text normalised,
    /// once, and matched against every dimension's normalised spellings.
    public init?(_ text: String) {
        UnitCatalog.lookupCounter?.increment()
        let found = UnitCatalog.dimensions.lazy.compactMap { dimension in dimension.exactIndex(of: text).map { (dimension, $0) } }.first
            ?? { () -> (any PhysicalDimension.Type, Int)? in
                let key = UnitCatalog.normalise(text)
                return UnitCatalog.dimensions.lazy.compactMap { dimension in dimension.normalisedIndex(of: key).map { (dimension, $0) } }.first
            }()
        guard let (dimension, index) = found else { return nil }
        self.dimension = dimension
        self.index = index
        self.baseUnitsPerUnit = dimension.baseUnitsPerUnit(at: index)
        self.symbol = dimension.symbol(at: index)
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
        return exactIndex(of: text) ?? normalisedIndex(of: UnitCatalog.normalise(text))
    }

    /// The position of the unit whose symbol or alias is exactly `text`.
    static func exactIndex(of text: String) -> Int? {
        units.firstIndex { $0.symbol == text || $0.aliases.contains(text) }
    }

    /// The position of the unit with the normalised spelling `key`.
    static func normalisedIndex(of key: String) -> Int? {
        units.firstIndex { $0.spellings.contains(key) }
    }

    static func baseUnitsPerUnit(at index: Int) -> Double { units[index].baseUnitsPerUnit }

    static func symbol(at index: Int) -> String { units[index].symbol }
}
