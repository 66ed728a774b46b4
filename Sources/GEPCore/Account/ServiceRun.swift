/// One service over every unit of a run: its method, physical amounts and warnings, units in region order.
public struct ServiceRun: Sendable {
    public let id: ServiceID
    public let category: ServiceCategory
    /// The method used.
    public let method: String
    /// The unit of the physical amounts, e.g. "m³": the first unit's, or the service's declared unit when the
    /// region has no units.
    public let physicalUnit: String
    /// Each unit's headline physical amount, in `physicalUnit`.
    public let physical: [Double]
    /// Each unit's warnings by the unit's row; units without one are absent.
    public let warnings: [Int: [WarningText]]

    init(id: ServiceID, category: ServiceCategory, method: String, physicalUnit: String, physical: [Double], warnings: [Int: [WarningText]]) {
        self.id = id
        self.category = category
        self.method = method
        self.physicalUnit = physicalUnit
        self.physical = physical
        self.warnings = warnings
    }

    /// The service's run from its outcome over each batch; `positions[b][cell]` is the row of the unit in cell
    /// `cell` of batch `b`, every row of `0..<units` in one batch. Batches are taken whole (each unit's cell, then the
    /// few cells with warnings), not unit by unit through a lookup of its batch.
    init(_ service: any EcosystemService, method methodID: String?, outcomes: [BatchOutcome], positions: [[Int]], units: Int) throws {
        id = service.id
        category = service.category
        method = try service.method(methodID).id
        var physical = [Double](repeating: 0, count: units)
        var warnings: [Int: [WarningText]] = [:]
        var unit: String?
        for (outcome, rows) in zip(outcomes, positions) {
            for (cell, amount) in outcome.physicalAmounts.enumerated() { physical[rows[cell]] = amount }
            for (cell, found) in outcome.warningsByCell where !found.isEmpty { warnings[rows[cell]] = found }
            // The first batch holds the region's first unit: its unit is the first unit's.
            unit = unit ?? outcome.physicalUnit
        }
        self.physical = physical
        self.warnings = warnings
        physicalUnit = unit ?? service.physicalUnit
    }
}

/// A warning of one service in one unit.
public struct ServiceWarning: Sendable, Hashable {
    public let service: ServiceID
    public let unit: String
    public let message: String

    public init(service: ServiceID, unit: String, message: String) {
        self.service = service
        self.unit = unit
        self.message = message
    }
}
