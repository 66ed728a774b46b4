/// A unit price in a price book: an amount of money per unit of something, at a stated price year.
///
/// Examples from the Garzê worked example (2010 prices): reservoir construction cost 7.06 元/m³, afforestation
/// cost of carbon 380 元/t CO₂, industrial oxygen 727 元/t.
public struct Price: Sendable, Hashable {
    /// The name services ask for, e.g. "reservoir-construction-cost".
    public let key: String
    /// The amount of money per `perUnit`.
    public let amount: Double
    /// The money unit of `amount`.
    public let moneyUnit: MoneyUnit
    /// The unit priced, as written: "m³", "t", "kWh".
    public let perUnit: String
    /// `perUnit` looked up once, when the price was made; nil when no dimension knows it.
    public let parsedPerUnit: AnyUnit?
    /// The year whose prices these are.
    public let priceYear: Int
    /// Where the price comes from.
    public let provenance: Provenance
    /// How uncertain the price is; nil when taken as exact.
    public let uncertainty: Uncertainty?

    public init(_ key: String, _ amount: Double, _ moneyUnit: MoneyUnit = .yuan, per perUnit: String,
                priceYear: Int, provenance: Provenance, uncertainty: Uncertainty? = nil) {
        self.init(key, amount, moneyUnit, perUnit: perUnit, parsedPerUnit: AnyUnit(perUnit), priceYear: priceYear,
                  provenance: provenance, uncertainty: uncertainty)
    }

    private init(_ key: String, _ amount: Double, _ moneyUnit: MoneyUnit, perUnit: String, parsedPerUnit: AnyUnit?,
                 priceYear: Int, provenance: Provenance, uncertainty: Uncertainty?) {
        self.key = key
        self.parsedPerUnit = parsedPerUnit
        self.amount = amount
        self.moneyUnit = moneyUnit
        self.perUnit = perUnit
        self.priceYear = priceYear
        self.provenance = provenance
        self.uncertainty = uncertainty
    }

    /// The price drawn: the amount replaced (absolute) or scaled (relative) by `value`.
    public func drawn(_ value: Double) -> Price {
        Price(key, uncertainty.map { if case .absolute = $0 { value } else { amount * value } } ?? amount, moneyUnit,
              perUnit: perUnit, parsedPerUnit: parsedPerUnit, priceYear: priceYear, provenance: provenance,
              uncertainty: uncertainty)
    }

    /// The price as a typed unit price.
    ///
    /// - Throws: ``UnitError`` when `perUnit` does not measure `dimension`.
    public func unitPrice<D: PhysicalDimension>(_ dimension: D.Type) throws -> UnitPrice<D> {
        UnitPrice(amount, moneyUnit, per: try parsedPerUnit?.unit(D.self) ?? D.unit(parsing: perUnit), priceYear: priceYear)
    }
}

/// What a service needs of one price: its key, what it prices and the dimension of the unit priced.
public struct PriceRequirement: Sendable {
    public let key: String
    public let summary: String
    public let dimension: any PhysicalDimension.Type

    public init(_ key: String, _ summary: String, per dimension: any PhysicalDimension.Type) {
        self.key = key
        self.summary = summary
        self.dimension = dimension
    }

    /// The requirement of a typed key: its name and dimension come from the key.
    public init<D>(_ key: PriceKey<D>, _ summary: String) {
        self.init(key.name, summary, per: D.self)
    }
}
