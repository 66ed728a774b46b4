import Foundation

/// A number with a unit, as read from a model file, before the code that knows its meaning checks its dimension.
///
/// Model files and user input carry units as text ("12.5 万亩", "mm/a"). A `Measure` looks the text up once, when
/// it is made, and keeps both: the lookup for every later read, the text for display and messages. The code that
/// knows what the value means asks for a typed ``Quantity``; a unit of the wrong dimension is then rejected with a
/// ``UnitError`` naming both dimensions, never converted silently.
public struct Measure: Sendable, Hashable, CustomStringConvertible {
    /// The number as written.
    public let value: Double
    /// The unit as written.
    public let unit: String
    /// The unit looked up, or nil when no dimension knows it (the error is raised when the value is read).
    public let parsedUnit: AnyUnit?

    public init(_ value: Double, _ unit: String) {
        self.init(value, unit, parsedUnit: AnyUnit(unit))
    }

    private init(_ value: Double, _ unit: String, parsedUnit: AnyUnit?) {
        self.value = value
        self.unit = unit
        self.parsedUnit = parsedUnit
    }

    /// The same unit with another number, without looking the unit up again (for draws of an uncertain value).
    public func with(value: Double) -> Measure { Measure(value, unit, parsedUnit: parsedUnit) }

    /// Reads "number unit" text such as "12.5 万亩", "3e4 km²" or "91.75%".
    ///
    /// - Throws: ``UnitError/malformedMeasure(_:)`` when the text does not start with a number.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numberEnd = trimmed.firstIndex { !("0123456789+-.eE".contains($0)) } ?? trimmed.endIndex
        // "e" may begin a unit only after a complete number, so back off a trailing exponent marker.
        var end = numberEnd
        while end > trimmed.startIndex, Double(trimmed[..<end]) == nil { end = trimmed.index(before: end) }
        guard end > trimmed.startIndex, let number = Double(trimmed[..<end]), number.isFinite else {
            throw UnitError.malformedMeasure(text)
        }
        self.init(number, trimmed[end...].trimmingCharacters(in: .whitespaces))
    }

    /// The value as a quantity of `dimension`.
    ///
    /// - Throws: ``UnitError/wrongDimension(unit:found:expected:)`` when the unit measures another dimension;
    ///   ``UnitError/unknownUnit(_:expected:)`` when no dimension knows it.
    public func quantity<D: PhysicalDimension>(_ dimension: D.Type) throws -> Quantity<D> {
        // The stored factor, without copying the unit's symbol and spellings: this runs for every input read.
        if let parsedUnit, parsedUnit.dimension == D.self { return Quantity(baseValue: value * parsedUnit.baseUnitsPerUnit) }
        return Quantity(value, try measurementUnit(dimension))
    }

    /// The unit as a unit of `dimension`.
    ///
    /// - Throws: the errors of ``quantity(_:)``.
    public func measurementUnit<D: PhysicalDimension>(_ dimension: D.Type) throws -> MeasurementUnit<D> {
        if let unit = parsedUnit?.unit(D.self) { return unit }
        return try D.unit(parsing: unit)
    }

    public var description: String { unit.isEmpty ? "\(value)" : "\(value) \(unit)" }
}
