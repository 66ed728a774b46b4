import GEPCore

/// A service defined by formulas in a YAML file rather than in Swift (see `models/services/`).
///
/// The physical amount is `physical`, a formula over the declared inputs and `area` (per ecosystem type, m²), in the
/// base units of the dimensions; the value is `value`, a formula over the same names, the declared prices and
/// `physical`. Both formulas were checked for units when the file loaded: `physical` must have the dimension of the
/// declared unit and `value` must be money. A value written `physical * PRICE` becomes an ordinary priced line; any
/// other value formula becomes a line of 元 at the prices' common year.
public struct DeclarativeService: EcosystemService {
    struct NamedInput: Sendable {
        let name: String
        let requirement: InputRequirement
    }

    struct NamedPrice: Sendable {
        let name: String
        let requirement: PriceRequirement
    }

    public let id: ServiceID
    public let name: String
    public let localName: String
    public let category: ServiceCategory
    public let physicalUnit: String
    public let methods: [ServiceMethod]

    let inputs: [NamedInput]
    let prices: [NamedPrice]
    let physical: Expression
    let value: Expression
    /// The declared physical unit, looked up when the file loaded.
    let physicalAnyUnit: AnyUnit
    /// The ecosystem groups `sum(...)` runs over; nil for all.
    let groups: Set<EcosystemGroup>?

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs reader: InputReader, prices book: PriceBook) throws -> ServiceResult {
        var values = FormulaValues()
        values.types = groups.map { unit.types(in: $0) } ?? unit.ecosystemTypes.filter { unit.area(of: $0).baseValue > 0 }
        values.perType["area"] = Dictionary(uniqueKeysWithValues: values.types.map { ($0, unit.area(of: $0).baseValue) })
        for input in inputs where reader.has(input.requirement.key) {
            switch input.requirement.scope {
            case .single:
                values.scalars[input.name] = try baseValue(reader, input.requirement, type: nil)
            case .perEcosystemType:
                values.perType[input.name] = Dictionary(uniqueKeysWithValues: try values.types.map {
                    ($0, try baseValue(reader, input.requirement, type: $0))
                })
            }
        }
        // The value is money at one price year: that of every price and money input it reads.
        var priceYears = Set<Int>()
        for price in prices {
            let (yuanPerBase, year) = try basePrice(book, price.requirement)
            values.scalars[price.name] = yuanPerBase
            priceYears.insert(year)
        }
        for input in inputs where ObjectIdentifier(input.requirement.dimension) == ObjectIdentifier(Currency.self) && reader.has(input.requirement.key) {
            priceYears.insert(try reader.money(input.requirement.key).priceYear)
        }
        guard priceYears.count == 1, let priceYear = priceYears.first else {
            throw ServiceError.mixedPriceYears(service: id.rawValue, years: priceYears.sorted())
        }
        let physicalBase = try formula { try values.evaluate(physical) }
        values.scalars["physical"] = physicalBase
        let valueYuan = try formula { try values.evaluate(value) }
        let amount = PhysicalAmount(amount: physicalBase / physicalAnyUnit.baseUnitsPerUnit, unit: physicalUnit)
        let line: ValuedLine
        if let price = linearPrice() {
            line = ValuedLine(id: "value", label: name, amount: amount.amount, unit: physicalAnyUnit, priceKey: price.requirement.key,
                              yuanPerUnit: values.scalars[price.name]! * physicalAnyUnit.baseUnitsPerUnit, priceYear: priceYear)
        } else {
            line = ValuedLine(id: "value", label: name, amount: valueYuan, unit: AnyUnit(Currency.baseUnit),
                              priceKey: prices.map(\.requirement.key).joined(separator: "+"), yuanPerUnit: 1, priceYear: priceYear)
        }
        return result(for: unit, method: method, physical: amount, lines: [line])
    }

    /// The price when the value formula is `physical * PRICE` or `PRICE * physical`.
    func linearPrice() -> NamedPrice? {
        guard case let .binary(.multiply, a, b, _) = value else { return nil }
        switch (a, b) {
        case let (.variable("physical", _), .variable(name, _)), let (.variable(name, _), .variable("physical", _)):
            return prices.first { $0.name == name }
        default:
            return nil
        }
    }

    private func formula(_ body: () throws -> Double) throws -> Double {
        do { return try body() } catch let error as ExpressionError {
            throw ServiceError.formulaFailed(service: id.rawValue, detail: String(describing: error))
        }
    }

    private func baseValue(_ reader: InputReader, _ requirement: InputRequirement, type: EcosystemType?) throws -> Double {
        func read<D: PhysicalDimension>(_ dimension: D.Type) throws -> Double {
            try (type.map { try reader.quantity(requirement.key, dimension, for: $0) } ?? reader.quantity(requirement.key, dimension)).baseValue
        }
        return try read(requirement.dimension)
    }

    private func basePrice(_ book: PriceBook, _ requirement: PriceRequirement) throws -> (Double, Int) {
        func read<D: PhysicalDimension>(_ dimension: D.Type) throws -> (Double, Int) {
            let price = try book.unitPrice(requirement.key, dimension, service: id.rawValue)
            return (price.yuanPerBaseUnit, price.priceYear)
        }
        return try read(requirement.dimension)
    }
}
