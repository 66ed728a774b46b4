/// A kind of physical quantity (area, volume, mass, ...) used as a type parameter of ``Quantity``.
///
/// Each dimension is a caseless enum: it exists only at the type level, so `Quantity<Area>` and `Quantity<Volume>`
/// are different types and adding one to the other does not compile. Values are stored in the dimension's base
/// unit; every other unit is a fixed multiple of it.
///
/// Implementation requirements: `units` lists every accepted unit exactly once, the base unit (factor 1) first;
/// symbols and aliases are unique across all dimensions in ``UnitCatalog/dimensions``, so that a unit string read
/// from a file names one dimension only.
public protocol PhysicalDimension: Sendable {
    /// A lower-case English name used in messages: "area", "volume".
    static var name: String { get }
    /// The units of this dimension, base unit first.
    static var units: [MeasurementUnit<Self>] { get }
}

extension PhysicalDimension {
    /// The unit in which values of this dimension are stored.
    public static var baseUnit: MeasurementUnit<Self> { units[0] }

    /// The base unit's symbol, e.g. "m²".
    public static var baseSymbol: String { baseUnit.symbol }

    /// The unit whose symbol or alias is `text`, after ``UnitCatalog/normalise(_:)``; nil if none.
    ///
    /// Text spelt exactly as a symbol or alias (as model files usually write it) is matched before normalising,
    /// the costlier step. Values made from files look their unit up once (``AnyUnit``); this is for the rest.
    public static func unit(named text: String) -> MeasurementUnit<Self>? {
        index(ofUnit: text).map { units[$0] }
    }

    /// The unit whose symbol or alias is `text`.
    ///
    /// - Throws: ``UnitError/wrongDimension(unit:found:expected:)`` when the unit measures another dimension;
    ///   ``UnitError/unknownUnit(_:expected:)`` when no dimension knows it.
    public static func unit(parsing text: String) throws -> MeasurementUnit<Self> {
        if let unit = unit(named: text) { return unit }
        if let found = UnitCatalog.dimensionName(ofUnit: text) {
            throw UnitError.wrongDimension(unit: text, found: found, expected: name)
        }
        throw UnitError.unknownUnit(text, expected: name)
    }
}
