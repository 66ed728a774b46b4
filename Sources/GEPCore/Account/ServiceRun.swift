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

    /// The service's run from its outcome over each batch; `location[row]` is the batch and cell of unit `row`.
    init(_ service: any EcosystemService, method methodID: String?, outcomes: [BatchOutcome],
         location: [(batch: Int, cell: Int)]) throws {
        id = service.id
        category = service.category
        method = try service.method(methodID).id
        var physical = [Double](repeating: 0, count: location.count)
        var warnings: [Int: [WarningText]] = [:]
        var unit: String?
        for (row, place) in location.enumerated() {
            let outcome = outcomes[place.batch]
            physical[row] = outcome.physical(cell: place.cell)
            let found = outcome.warnings(cell: place.cell)
            if !found.isEmpty { warnings[row] = found }
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
