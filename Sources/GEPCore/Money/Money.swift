/// An amount of Chinese yuan at the prices of a stated year.
///
/// GEP values are only comparable at constant prices, so money always carries its price year, and amounts at
/// different price years cannot be added: restate one with a ``Deflator`` first. (The GEP guideline and the
/// Garzê worked example both report values at the prices of one stated year.)
public struct Money: Sendable, Hashable, Comparable {
    /// The amount in 元.
    public var yuan: Double
    /// The year whose prices the amount is expressed in.
    public var priceYear: Int

    /// `amount` in `unit` at `priceYear` prices: `Money(2.28, .hundredMillionYuan, priceYear: 2010)`.
    public init(_ amount: Double, _ unit: MoneyUnit = .yuan, priceYear: Int) {
        self.yuan = amount * unit.yuanPerUnit
        self.priceYear = priceYear
    }

    /// Zero yuan at `priceYear` prices.
    public static func zero(priceYear: Int) -> Money { Money(0, priceYear: priceYear) }

    /// The amount expressed in `unit`.
    public func amount(in unit: MoneyUnit) -> Double { yuan / unit.yuanPerUnit }

    /// The sum of two amounts at the same price year.
    ///
    /// - Throws: ``MoneyError/priceYearMismatch(_:_:)`` when the price years differ.
    public func adding(_ other: Money) throws -> Money {
        guard priceYear == other.priceYear else { throw MoneyError.priceYearMismatch(priceYear, other.priceYear) }
        return Money(yuan + other.yuan, priceYear: priceYear)
    }

    /// The sum of `amounts`, which must share one price year; zero at `priceYear` when empty.
    ///
    /// - Throws: ``MoneyError/priceYearMismatch(_:_:)`` at the first amount at another price year.
    public static func sum(_ amounts: some Sequence<Money>, priceYear: Int) throws -> Money {
        try amounts.reduce(zero(priceYear: priceYear)) { try $0.adding($1) }
    }

    public static func * (lhs: Double, rhs: Money) -> Money { Money(lhs * rhs.yuan, priceYear: rhs.priceYear) }
    public static func * (lhs: Money, rhs: Double) -> Money { rhs * lhs }

    /// Orders amounts at one price year. Comparing across price years is a programmer error.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.priceYear == rhs.priceYear, "comparing money at \(lhs.priceYear) and \(rhs.priceYear) prices")
        return lhs.yuan < rhs.yuan
    }
}

extension Money: CustomStringConvertible {
    /// "2.28 亿元 (2010 prices)", in the largest unit that keeps the amount at or above 1.
    public var description: String {
        let unit: MoneyUnit = abs(yuan) >= 1e8 ? .hundredMillionYuan : abs(yuan) >= 1e4 ? .tenThousandYuan : .yuan
        return "\(amount(in: unit)) \(unit) (\(priceYear) prices)"
    }
}

/// Money that cannot be combined as asked.
public enum MoneyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two amounts at different price years were added.
    case priceYearMismatch(Int, Int)

    public var description: String {
        switch self {
        case let .priceYearMismatch(a, b):
            return "cannot add money at \(a) prices to money at \(b) prices; restate one with a deflator first"
        }
    }
}
