/// An amount of a physical dimension, stored in the dimension's base unit.
///
/// `Quantity<Area>` and `Quantity<Volume>` are distinct types, so mixing them is a compile-time error. The
/// products that make physical sense (depth × area = volume, ...) are spelled out in `Quantity+Products.swift`.
public struct Quantity<Dimension: PhysicalDimension>: Sendable, Hashable, Comparable {
    /// The amount in `Dimension.baseUnit`.
    public var baseValue: Double

    /// `value` expressed in `unit`: `Quantity(3, .squareKilometre)` is 3 km².
    public init(_ value: Double, _ unit: MeasurementUnit<Dimension>) {
        self.baseValue = value * unit.baseUnitsPerUnit
    }

    /// A quantity from its value in the base unit.
    public init(baseValue: Double) {
        self.baseValue = baseValue
    }

    /// Zero in any unit.
    public static var zero: Quantity { Quantity(baseValue: 0) }

    /// The amount expressed in `unit`.
    public func value(in unit: MeasurementUnit<Dimension>) -> Double {
        baseValue / unit.baseUnitsPerUnit
    }

    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(baseValue: lhs.baseValue + rhs.baseValue) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(baseValue: lhs.baseValue - rhs.baseValue) }
    public static func += (lhs: inout Quantity, rhs: Quantity) { lhs.baseValue += rhs.baseValue }
    public static prefix func - (operand: Quantity) -> Quantity { Quantity(baseValue: -operand.baseValue) }
    public static func * (lhs: Double, rhs: Quantity) -> Quantity { Quantity(baseValue: lhs * rhs.baseValue) }
    public static func * (lhs: Quantity, rhs: Double) -> Quantity { Quantity(baseValue: lhs.baseValue * rhs) }
    public static func / (lhs: Quantity, rhs: Double) -> Quantity { Quantity(baseValue: lhs.baseValue / rhs) }
    /// The dimensionless ratio of two amounts of the same dimension.
    public static func / (lhs: Quantity, rhs: Quantity) -> Double { lhs.baseValue / rhs.baseValue }
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.baseValue < rhs.baseValue }
}

extension Quantity: CustomStringConvertible {
    /// The amount in the base unit with its symbol, e.g. "1500000 m²".
    public var description: String { "\(baseValue) \(Dimension.baseUnit.symbol)" }
}

extension Sequence {
    /// The sum of the quantities produced by `transform`, zero for an empty sequence.
    public func sum<D>(of transform: (Element) throws -> Quantity<D>) rethrows -> Quantity<D> {
        try reduce(.zero) { try $0 + transform($1) }
    }
}
