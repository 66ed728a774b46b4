/// A service that assesses a whole ``CellBatch`` at once: its adapter reads each input once per batch (or once per
/// cell, where cells differ) and runs its kernel in a loop, which is what makes accounts of 10⁵ units and
/// uncertainty runs of many draws fast.
///
/// A conforming service writes only the batch adapter: assessing one unit is assessing a batch of one, so the
/// single-unit and batch paths cannot drift apart. Services that do not conform still run in batches, unit by unit
/// (``EcosystemService/evaluate(_:method:prices:)``).
public protocol BatchAssessable: EcosystemService {
    /// Computes the service for every cell of `batch`, with its inputs and prices already checked against `method`.
    ///
    /// Read inputs through `inputs`, loop over cells inside each type, and throw the first error of the first cell
    /// in cell order, so that a batch of one fails exactly as a unit assessed alone does.
    func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult
}

extension BatchAssessable {
    /// One unit, as a batch of one.
    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let batch = CellBatch(unit: unit, inputs: inputs.inputs)
        return try assess(batch, method: method, inputs: BatchReader(batch, service: id.rawValue), prices: prices)
            .result(cell: 0, of: self, unit: unit, method: method)
    }
}

/// The outcome of one service over one batch: a batch result, or one result per cell from a service assessed unit
/// by unit.
public enum BatchOutcome: Sendable {
    case batch(BatchResult)
    case perCell([ServiceResult])

    /// Every cell's headline physical amount, in cell order.
    public var physicalAmounts: [Double] {
        switch self {
        case let .batch(result): return result.physical
        case let .perCell(results): return results.map(\.physical.amount)
        }
    }

    /// The unit of the physical amounts: the batch's, or the first cell's.
    public var physicalUnit: String? {
        switch self {
        case let .batch(result): return result.physicalUnit
        case let .perCell(results): return results.first?.physical.unit
        }
    }

    /// The warnings of the cells that have any, by cell, each cell's in the order the service gave them.
    public var warningsByCell: [Int: [WarningText]] {
        switch self {
        case let .batch(result): return result.warnings
        case let .perCell(results):
            return Dictionary(uniqueKeysWithValues: results.enumerated().filter { !$0.element.warnings.isEmpty }.map {
                ($0.offset, $0.element.warnings.map(WarningText.init(written:)))
            })
        }
    }
}

extension EcosystemService {
    /// Checks the method's inputs and prices once for the batch (the first cell for everything the cells share, and
    /// each cell for what it overrides), then assesses every cell: in one call for a ``BatchAssessable`` service,
    /// unit by unit through ``evaluate(_:method:inputs:prices:)`` otherwise.
    ///
    /// - Throws: the errors of ``evaluate(_:method:inputs:prices:)``. In a batch of several cells the error is of
    ///   some cell, not necessarily the first; ``RegionModel/run(with:)`` finds the first one in unit order.
    public func evaluate(_ batch: CellBatch, method methodID: String? = nil, prices: PriceBook) throws -> BatchOutcome {
        guard let native = self as? any BatchAssessable else {
            return .perCell(try (0..<batch.count).map { cell in
                try evaluate(batch.unit(cell: cell), method: methodID, inputs: batch.inputs(cell: cell), prices: prices)
            })
        }
        let method = try method(methodID)
        _ = try batch.inputs(cell: 0).reader(service: id.rawValue, unit: batch.unit(cell: 0), checking: method.inputs)
        let overridden = method.inputs.filter { batch.overriddenKeys.contains($0.key) }
        if !overridden.isEmpty {
            for cell in 1..<max(1, batch.count) {
                let reader = InputReader(inputs: batch.overrides[cell], service: id.rawValue, unit: batch.unit(cell: cell))
                for requirement in overridden { try reader.check(requirement) }
            }
        }
        for requirement in method.inputs {
            guard let column = batch.columns[requirement.key] else { continue }
            try check(column, requirement, batch)
        }
        try prices.check(method.prices, service: id.rawValue)
        let result = try native.assess(batch, method: method, inputs: BatchReader(batch, service: id.rawValue), prices: prices)
        if !method.allowsNegative {
            for line in result.lines {
                guard let cell = line.quantities.firstIndex(where: { $0 < 0 }) else { continue }
                throw ServiceError.negativeValue(service: id.rawValue, method: method.id, unit: batch.id(cell: cell), line: line.id,
                                                 amount: line.quantities[cell], physicalUnit: line.unit.symbol)
            }
        }
        return .batch(result)
    }

    /// Checks every value of a numeric column against its requirement, converting by the unit's factor (the first
    /// cell was checked, dimension and all, with the rest of its inputs); the message is ``InputReader``'s.
    private func check(_ column: CellColumn, _ requirement: InputRequirement, _ batch: CellBatch) throws {
        let reader = InputReader(inputs: Inputs(), service: id.rawValue, unit: batch.unit(cell: 0))
        let factor = try reader.baseValue(column.unit, requirement)
        for (cell, value) in column.values.enumerated() where !requirement.domain.contains(value * factor) {
            throw InputError.outOfRange(input: requirement.key, service: id.rawValue, unit: batch.id(cell: cell), value: value,
                                        expected: requirement.domain.expectation(requirement.dimension))
        }
    }
}
