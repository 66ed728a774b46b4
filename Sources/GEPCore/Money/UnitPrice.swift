/// A price per unit of a physical dimension, at the prices of a stated year: 7.06 元/m³ (2010).
///
/// Stored per base unit of the dimension so that `price.value(of: quantity)` needs no conversion; `unit` keeps the
/// unit the price was quoted in, for display.
public struct UnitPrice<Dimension: PhysicalDimension>: Sendable, Hashable {
    /// 元 per base unit of `Dimension`.
    public let yuanPerBaseUnit: Double
    /// The year whose prices this is.
    public let priceYear: Int
    /// The unit the price was quoted per.
    public let unit: MeasurementUnit<Dimension>

    /// `amount` `moneyUnit` per `unit` at `priceYear` prices: `UnitPrice(7.06, .yuan, per: .cubicMetre, priceYear: 2010)`.
    public init(_ amount: Double, _ moneyUnit: MoneyUnit = .yuan, per unit: MeasurementUnit<Dimension>, priceYear: Int) {
        self.yuanPerBaseUnit = amount * moneyUnit.yuanPerUnit / unit.baseUnitsPerUnit
        self.priceYear = priceYear
        self.unit = unit
    }

    /// The price in 元 per `unit`, as quoted.
    public var yuanPerQuotedUnit: Double { yuanPerBaseUnit * unit.baseUnitsPerUnit }

    /// Value = quantity × price, at this price's year.
    public func value(of quantity: Quantity<Dimension>) -> Money {
        Money(quantity.baseValue * yuanPerBaseUnit, priceYear: priceYear)
    }
}

extension UnitPrice: CustomStringConvertible {
    public var description: String { "\(yuanPerQuotedUnit) 元/\(unit.symbol) (\(priceYear) prices)" }
}
