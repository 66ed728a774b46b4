/// A quantity per cell and ecosystem type, summed over the types of each cell for the cell's total.
///
/// The batch form of a ``PhysicalAmount``'s breakdown: kernels fill it type by type, and totals add the types in
/// declaration order, as a single unit's result does, so that a cell's total has the same last digit whether the
/// unit is assessed alone or in a batch.
public struct BatchBreakdown<D: PhysicalDimension>: Sendable {
    /// The types covered, in declaration order.
    public let types: [EcosystemType]
    public let cells: Int
    /// `values[cell * types.count + t]`, in the base unit.
    @usableFromInline var values: [Double]

    /// Zero for every cell and type.
    @inlinable
    public init(cells: Int, types: [EcosystemType]) {
        self.types = types
        self.cells = cells
        values = [Double](repeating: 0, count: cells * types.count)
    }

    /// Zero for every cell of `batch` and each of its types at `positions` (as ``CellBatch/types(in:)`` gives them).
    @inlinable
    public init(_ batch: CellBatch, types positions: [Int]) {
        self.init(cells: batch.count, types: positions.map { batch.types[$0] })
    }

    /// The amount of `types[t]` in `cell`. Inlinable, like the other accessors here, so that a service's adapter
    /// in another module gets code specialised for its dimension instead of generic code that looked up type
    /// metadata for every pixel (40 % of a raster run).
    @inlinable
    public subscript(cell: Int, t: Int) -> Quantity<D> {
        get { Quantity(baseValue: values[cell * types.count + t]) }
        set { values[cell * types.count + t] = newValue.baseValue }
    }

    /// Each cell's sum over its types, added in declaration order (from zero, as a single unit's total is).
    @inlinable
    public var totals: [Quantity<D>] {
        let width = types.count
        var totals: [Quantity<D>] = []
        totals.reserveCapacity(cells)
        values.withUnsafeBufferPointer { amounts in
            for cell in 0..<cells {
                var total = 0.0
                for t in 0..<width { total += amounts[cell * width + t] }
                totals.append(Quantity(baseValue: total))
            }
        }
        return totals
    }

    /// Each amount transformed, e.g. t C into t CO₂.
    @inlinable
    public func map<E>(_ transform: (Quantity<D>) -> Quantity<E>) -> BatchBreakdown<E> {
        var mapped = BatchBreakdown<E>(cells: cells, types: types)
        for cell in 0..<cells {
            for t in types.indices { mapped[cell, t] = transform(self[cell, t]) }
        }
        return mapped
    }

    /// This breakdown's types followed by `other`'s, for a service whose total joins two groups of types (climate
    /// regulation: transpiring vegetation and evaporating water).
    public func joined(with other: BatchBreakdown<D>) -> BatchBreakdown<D> {
        var joined = BatchBreakdown(cells: cells, types: types + other.types)
        for cell in 0..<cells {
            for t in types.indices { joined[cell, t] = self[cell, t] }
            for t in other.types.indices { joined[cell, types.count + t] = other[cell, t] }
        }
        return joined
    }

    /// Every amount expressed in `unit`, cell by cell.
    @inlinable
    func flattened(in unit: MeasurementUnit<D>) -> [Double] {
        let perUnit = unit.baseUnitsPerUnit
        return values.map { $0 / perUnit }
    }
}

/// One priced component of a service's value over the cells of a batch: the batch form of ``ValuedLine``, with one
/// price for every cell.
public struct BatchLine: Sendable {
    public let id: String
    public let label: String
    /// The unit the quantities are in: the unit the price is quoted per.
    public let unit: AnyUnit
    public let priceKey: String
    /// 元 per `unit`, at `priceYear` prices.
    public let yuanPerUnit: Double
    public let priceYear: Int
    /// Each cell's quantity, in `unit`.
    public let quantities: [Double]
    /// Each cell's quantity by ecosystem type, in `unit`, when the line has such a split.
    @usableFromInline let breakdown: (types: [EcosystemType], values: [Double])?

    /// A line valuing one quantity per cell at `price`, with the quantities expressed in the unit the price is
    /// quoted per, and each cell's split by type when the line has one. Inlinable, as the result's initialiser is, so
    /// that it is specialised for the service's dimension.
    @inlinable
    public init<D>(id: String, label: String, quantities: [Quantity<D>], breakdown: BatchBreakdown<D>? = nil,
                   price: UnitPrice<D>, priceKey: String) {
        self.id = id
        self.label = label
        self.unit = AnyUnit(price.unit)
        self.priceKey = priceKey
        self.yuanPerUnit = price.yuanPerQuotedUnit
        self.priceYear = price.priceYear
        let perUnit = price.unit.baseUnitsPerUnit
        self.quantities = quantities.map { $0.baseValue / perUnit }
        self.breakdown = breakdown.map { ($0.types, $0.flattened(in: price.unit)) }
    }

    /// A line valuing each cell's total of `amounts`, keeping the split by type.
    @inlinable
    public init<D>(id: String, label: String, amounts: BatchBreakdown<D>, price: UnitPrice<D>, priceKey: String) {
        self.init(id: id, label: label, quantities: amounts.totals, breakdown: amounts, price: price, priceKey: priceKey)
    }

    /// The line of one cell.
    func line(cell: Int) -> ValuedLine {
        var byType: [EcosystemType: Double] = [:]
        if let (types, values) = breakdown {
            for t in types.indices { byType[types[t]] = values[cell * types.count + t] }
        }
        return ValuedLine(id: id, label: label, amount: quantities[cell], unit: unit, byEcosystemType: byType,
                          priceKey: priceKey, yuanPerUnit: yuanPerUnit, priceYear: priceYear)
    }
}

/// What a service found over the cells of a batch: the batch form of ``ServiceResult``.
public struct BatchResult: Sendable {
    /// The unit symbol of the physical amounts, e.g. "m³".
    public let physicalUnit: String
    /// Each cell's headline physical amount, in `physicalUnit`.
    public let physical: [Double]
    /// The priced lines; every cell has each of them.
    public let lines: [BatchLine]
    /// Each cell's warnings, in cell order; cells without one are absent.
    public let warnings: [Int: [WarningText]]
    @usableFromInline let physicalBreakdown: (types: [EcosystemType], values: [Double])

    /// The physical amounts are `totals`, or each cell's total of `physical` when not given, expressed in `unit`.
    @inlinable
    public init<D>(physical: BatchBreakdown<D>, totals: [Quantity<D>]? = nil, in unit: MeasurementUnit<D>, lines: [BatchLine],
                   warnings: [Int: [WarningText]] = [:]) {
        physicalUnit = unit.symbol
        let perUnit = unit.baseUnitsPerUnit
        self.physical = (totals ?? physical.totals).map { $0.baseValue / perUnit }
        physicalBreakdown = (physical.types, physical.flattened(in: unit))
        self.lines = lines
        self.warnings = warnings
    }

    /// Physical amounts with no split by ecosystem type (a mass removed, capped at what the unit emits).
    @inlinable
    public init<D>(physical totals: [Quantity<D>], in unit: MeasurementUnit<D>, lines: [BatchLine], warnings: [Int: [WarningText]] = [:]) {
        physicalUnit = unit.symbol
        let perUnit = unit.baseUnitsPerUnit
        physical = totals.map { $0.baseValue / perUnit }
        physicalBreakdown = ([], [])
        self.lines = lines
        self.warnings = warnings
    }

    /// The result of one cell, as ``EcosystemService/assess(_:method:inputs:prices:)`` returns it for that unit.
    public func result(cell: Int, of service: some EcosystemService, unit: AccountingUnit, method: ServiceMethod) -> ServiceResult {
        let (types, values) = physicalBreakdown
        var byType: [EcosystemType: Double] = [:]
        for t in types.indices { byType[types[t]] = values[cell * types.count + t] }
        return service.result(for: unit, method: method,
                              physical: PhysicalAmount(amount: physical[cell], unit: physicalUnit, byEcosystemType: byType),
                              lines: lines.map { $0.line(cell: cell) }, warnings: (warnings[cell] ?? []).map(\.description))
    }
}
