/// A unit string looked up once, when the value that carries it is made (as a model file loads): the dimension it
/// measures, which of that dimension's units it is, and how many base units one of it is.
///
/// Evaluating an account reads every input and price many times (once per ecosystem type, per service, per draw);
/// holding the lookup here means those reads multiply by a stored factor and never touch the string again.
/// ``UnitLookupCounter`` counts the string lookups, so a test can show that none happen during evaluation.
public struct ParsedUnit: Sendable, Hashable {
    /// The dimension the unit measures.
    public let dimension: any PhysicalDimension.Type
    /// The position of the unit in `dimension.units`.
    let index: Int
    /// How many base units of `dimension` one of this unit is.
    public let baseUnitsPerUnit: Double

    /// The unit spelt `text` in whichever dimension of ``UnitCatalog/dimensions`` has it; nil when none does.
    public init?(_ text: String) {
        for dimension in UnitCatalog.dimensions {
            if let found = dimension.index(ofUnit: text) {
                self.dimension = dimension
                self.index = found
                self.baseUnitsPerUnit = dimension.baseUnitsPerUnit(at: found)
                return
            }
        }
        return nil
    }

    /// The unit as a `MeasurementUnit` of `D`, or nil when it measures another dimension.
    public func unit<D: PhysicalDimension>(_: D.Type) -> MeasurementUnit<D>? {
        dimension == D.self ? D.units[index] : nil
    }

    /// The symbol the package displays for this unit ("km²" for "km2").
    public var symbol: String { dimension.symbol(at: index) }

    public static func == (lhs: ParsedUnit, rhs: ParsedUnit) -> Bool {
        lhs.dimension == rhs.dimension && lhs.index == rhs.index
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(dimension))
        hasher.combine(index)
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
