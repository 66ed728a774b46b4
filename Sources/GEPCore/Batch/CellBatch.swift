/// Accounting units that one service assesses together: every cell has the same ecosystem types with a positive area
/// and the same inputs present, so that requirements are checked once for the batch and the service's kernel runs in
/// a loop over plain arrays instead of once per unit through dictionaries.
///
/// A region model with its units in a CSV table becomes a few batches (units grouped by the types they hold and the
/// columns they fill); one unit is a batch of one, which is how ``BatchAssessable`` services answer a single unit.
public struct CellBatch: Sendable {
    /// The cells, in account order; their ids name them in messages.
    public let units: [AccountingUnit]
    /// The ecosystem types with a positive area in every cell, in declaration order.
    public let types: [EcosystemType]
    /// Inputs every cell shares.
    public let shared: Inputs
    /// Each cell's own inputs, overriding `shared`; every cell overrides the same keys.
    public let overrides: [Inputs]
    /// The keys every cell overrides.
    public let overriddenKeys: Set<String>
    /// Areas in m², `areas[cell * types.count + t]` for `types[t]`.
    private let areas: [Double]

    /// A batch of one unit with its inputs.
    public init(unit: AccountingUnit, inputs: Inputs) {
        self.init(units: [unit], types: unit.types(excluding: []), shared: inputs, overrides: [], overriddenKeys: [])
    }

    private init(units: [AccountingUnit], types: [EcosystemType], shared: Inputs, overrides: [Inputs], overriddenKeys: Set<String>) {
        self.units = units
        self.types = types
        self.shared = shared
        self.overrides = overrides
        self.overriddenKeys = overriddenKeys
        var areas = [Double](repeating: 0, count: units.count * types.count)
        for (cell, unit) in units.enumerated() {
            for (t, type) in types.enumerated() { areas[cell * types.count + t] = unit.area(of: type).baseValue }
        }
        self.areas = areas
    }

    /// The units split into batches: units with the same positive-area types and the same overridden keys go
    /// together, in the order their first unit appears; within a batch, cells keep the units' order.
    ///
    /// - Returns: each batch with the positions of its cells in `units`.
    public static func batches(of units: [AccountingUnit], shared: Inputs,
                               overrides: [String: Inputs]) -> [(batch: CellBatch, positions: [Int])] {
        struct Shape: Hashable {
            let types: [EcosystemType]
            let keys: [String]
        }
        var order: [Shape] = []
        var members: [Shape: [Int]] = [:]
        var unitInputs: [Inputs?] = []
        unitInputs.reserveCapacity(units.count)
        var last: (shape: Shape, members: [Int])?
        // Units of one shape usually come in runs (the rows of a CSV table): a run is hashed once, when it ends.
        func close() {
            guard let (shape, run) = last else { return }
            if members[shape] == nil { order.append(shape) }
            members[shape, default: []] += run
        }
        for (position, unit) in units.enumerated() {
            let own = overrides[unit.id]
            unitInputs.append(own)
            let shape = Shape(types: unit.types(excluding: []), keys: own.map { $0.keys.sorted() } ?? [])
            if last?.shape == shape {
                last?.members.append(position)
            } else {
                close()
                last = (shape, [position])
            }
        }
        close()
        return order.map { shape in
            let positions = members[shape] ?? []
            let batch = CellBatch(units: positions.map { units[$0] }, types: shape.types, shared: shared,
                                  overrides: shape.keys.isEmpty ? [] : positions.map { unitInputs[$0] ?? Inputs() },
                                  overriddenKeys: Set(shape.keys))
            return (batch, positions)
        }
    }

    /// The number of cells.
    public var count: Int { units.count }

    /// The area of `types[t]` in `cell`.
    public func area(cell: Int, type t: Int) -> Quantity<Area> { Quantity(baseValue: areas[cell * types.count + t]) }

    /// Whether the cells hold a positive area of `type`.
    public func has(_ type: EcosystemType) -> Bool { types.contains(type) }

    /// The positions in ``types`` of the types whose group is one of `groups`.
    public func types(in groups: Set<EcosystemGroup>) -> [Int] { types.indices.filter { groups.contains(types[$0].group) } }

    /// The positions in ``types`` of the types whose group is not in `excluded`.
    public func types(excluding excluded: Set<EcosystemGroup>) -> [Int] {
        types.indices.filter { !excluded.contains(types[$0].group) }
    }

    /// The inputs one cell sees: the shared ones overlaid with its own.
    public func inputs(cell: Int) -> Inputs { overriddenKeys.isEmpty ? shared : shared.merging(overrides[cell]) }
}
