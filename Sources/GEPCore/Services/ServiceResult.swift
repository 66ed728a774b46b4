/// The outcome of assessing one service for one accounting unit: the physical amount, the valued lines that
/// make up its worth, and warnings.
public struct ServiceResult: Sendable, Hashable {
    /// The service assessed.
    public let service: ServiceID
    /// Its category, for totals by category.
    public let category: ServiceCategory
    /// The accounting unit assessed.
    public let unit: String
    /// The method used.
    public let method: String
    /// The headline physical amount (water retained, CO₂ fixed, soil kept).
    public let physical: PhysicalAmount
    /// The priced components; the service's value is the sum of their values.
    public let lines: [ValuedLine]
    /// Things the user should know: a clipped value, an input outside its usual range.
    public let warnings: [String]

    public init(service: ServiceID, category: ServiceCategory, unit: String, method: String,
                physical: PhysicalAmount, lines: [ValuedLine], warnings: [String] = []) {
        self.service = service
        self.category = category
        self.unit = unit
        self.method = method
        self.physical = physical
        self.lines = lines
        self.warnings = warnings
    }
}

/// A physical amount with its unit and its split by ecosystem type.
public struct PhysicalAmount: Sendable, Hashable {
    /// The amount in `unit`.
    public let amount: Double
    /// The unit symbol, e.g. "m³".
    public let unit: String
    /// The amount contributed by each ecosystem type, in `unit`; empty when the model has no such split.
    public let byEcosystemType: [EcosystemType: Double]

    public init(amount: Double, unit: String, byEcosystemType: [EcosystemType: Double] = [:]) {
        self.amount = amount
        self.unit = unit
        self.byEcosystemType = byEcosystemType
    }

    /// A typed amount, expressed in `unit`, with its split by ecosystem type.
    public init<D>(_ quantity: Quantity<D>, in unit: MeasurementUnit<D>,
                   byEcosystemType: [EcosystemType: Quantity<D>] = [:]) {
        self.init(amount: quantity.value(in: unit), unit: unit.symbol,
                  byEcosystemType: byEcosystemType.mapValues { $0.value(in: unit) })
    }
}

/// One priced component of a service's value: quantity × unit price, at the price's year.
///
/// Most services have one line; some have several (soil retention: avoided siltation priced at dredging cost,
/// and retained N and P priced at fertiliser cost). Lines are the columns of the ``Account``'s physical table.
public struct ValuedLine: Sendable, Hashable {
    /// The line's name within its service, e.g. "co2-fixed".
    public let id: String
    /// What the quantity is, for reports.
    public let label: String
    /// The physical quantity valued, in `unit`, with the unit's symbol for display.
    public let quantity: PhysicalAmount
    /// The unit of `quantity`: the unit the price is quoted per.
    public let unit: AnyUnit
    /// The key of the price used.
    public let priceKey: String
    /// 元 per one `quantity.unit`, at `priceYear` prices.
    public let yuanPerUnit: Double
    /// The year of the price.
    public let priceYear: Int

    /// A line valuing `quantity` at `price`, with the quantity expressed in the unit the price is quoted per.
    public init<D>(id: String, label: String, quantity: Quantity<D>, byEcosystemType: [EcosystemType: Quantity<D>] = [:],
                   price: UnitPrice<D>, priceKey: String) {
        self.id = id
        self.label = label
        self.quantity = PhysicalAmount(quantity, in: price.unit, byEcosystemType: byEcosystemType)
        self.unit = AnyUnit(price.unit)
        self.priceKey = priceKey
        self.yuanPerUnit = price.yuanPerQuotedUnit
        self.priceYear = price.priceYear
    }

    /// A line from an amount in a unit known at run time, for results built outside typed code (declarative
    /// services, tests).
    public init(id: String, label: String, amount: Double, unit: AnyUnit, byEcosystemType: [EcosystemType: Double] = [:],
                priceKey: String, yuanPerUnit: Double, priceYear: Int) {
        self.id = id
        self.label = label
        self.quantity = PhysicalAmount(amount: amount, unit: unit.symbol, byEcosystemType: byEcosystemType)
        self.unit = unit
        self.priceKey = priceKey
        self.yuanPerUnit = yuanPerUnit
        self.priceYear = priceYear
    }

    /// quantity × price, at the price's own year.
    public var value: Money { Money(quantity.amount * yuanPerUnit, priceYear: priceYear) }

    /// The value at `year` prices.
    public func value(atPricesOf year: Int, deflator: Deflator?) throws -> Money {
        Money(quantity.amount * (try price(atPricesOf: year, deflator: deflator)), priceYear: year)
    }

    /// 元 per unit at `year` prices.
    ///
    /// - Throws: ``AccountError/deflatorNeeded(line:priceYear:reportYear:)`` when the years differ and no deflator is given.
    public func price(atPricesOf year: Int, deflator: Deflator?) throws -> Double {
        if year == priceYear { return yuanPerUnit }
        guard let deflator else { throw AccountError.deflatorNeeded(line: id, priceYear: priceYear, reportYear: year) }
        return yuanPerUnit * (try deflator.factor(from: priceYear, to: year))
    }
}
