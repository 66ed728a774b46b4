/// Cells that one service assesses together: accounting units of a large table, or the pixels of one land-cover
/// class in a raster block. Every cell has the same ecosystem types with a positive area and the same inputs
/// present, so that requirements are checked once for the batch and the service's kernel runs in a loop over plain
/// arrays instead of once per unit through dictionaries.
///
/// A region model with its units in a CSV table becomes a few batches (units grouped by the types they hold and the
/// inputs they override); one unit is a batch of one, which is how ``BatchAssessable`` services answer a single unit.
/// Inputs that vary from cell to cell come either as each unit's own ``Inputs`` or as numeric ``CellColumn``s (a
/// raster's pixels).
public struct CellBatch: Sendable {
    /// The ecosystem types with a positive area in every cell, in declaration order.
    public let types: [EcosystemType]
    /// The number of cells.
    public let count: Int
    /// Inputs every cell shares.
    public let shared: Inputs
    /// Each cell's own inputs, overriding `shared`; every cell overrides the same keys. Empty when no cell does.
    public let overrides: [Inputs]
    /// The keys every cell overrides through `overrides`.
    public let overriddenKeys: Set<String>
    /// Inputs given as one number per cell, by key.
    public let columns: [String: CellColumn]
    /// Areas in m², `areas[cell * types.count + t]` for `types[t]`.
    @usableFromInline let areas: [Double]
    private let cells: Cells

    /// Who the cells are: accounting units, or pixels named on demand (a million names are not built for a block
    /// that raises no message).
    private enum Cells: Sendable {
        /// The region's units, shared by every batch (copying 10⁵ units into batches retained each unit's strings
        /// and dictionaries), and the positions in them of this batch's cells.
        case units([AccountingUnit], positions: [Int])
        case pixels(@Sendable (Int) -> String)
    }

    /// A batch of one unit with its inputs.
    public init(unit: AccountingUnit, inputs: Inputs) {
        self.init(units: [unit], positions: [0], types: unit.types(excluding: []), shared: inputs, overrides: [], overriddenKeys: [])
    }

    private init(units: [AccountingUnit], positions: [Int], types: [EcosystemType], shared: Inputs, overrides: [Inputs],
                 overriddenKeys: Set<String>) {
        self.types = types
        count = positions.count
        self.shared = shared
        self.overrides = overrides
        self.overriddenKeys = overriddenKeys
        columns = [:]
        var areas = [Double](repeating: 0, count: positions.count * types.count)
        for (cell, position) in positions.enumerated() {
            for (t, type) in types.enumerated() { areas[cell * types.count + t] = units[position].area(of: type).baseValue }
        }
        self.areas = areas
        cells = .units(units, positions: positions)
    }

    /// Pixels of one ecosystem type: each cell's area in m², the inputs they share, the inputs given per pixel, and
    /// how to name a pixel in a message ("zone jinhe, column 12, row 40").
    ///
    /// - Throws: ``InputError/negativeArea(unit:ecosystemType:squareMetres:)`` for an area that is not a positive
    ///   finite number, and ``InputError/outOfRange(input:service:unit:value:expected:)`` for no pixel at all or a
    ///   column whose length is not the number of pixels.
    public init(pixels type: EcosystemType, areas: [Double], shared: Inputs, columns: [String: CellColumn],
                name: @escaping @Sendable (Int) -> String) throws {
        guard !areas.isEmpty else {
            throw InputError.outOfRange(input: "areas", service: nil, unit: "a pixel batch of \(type.rawValue)", value: 0,
                                        expected: "at least one pixel")
        }
        for (cell, area) in areas.enumerated() where !(area > 0 && area.isFinite) {
            throw InputError.negativeArea(unit: name(cell), ecosystemType: type.rawValue, squareMetres: area)
        }
        for (key, column) in columns where column.values.count != areas.count {
            throw InputError.outOfRange(input: key, service: nil, unit: name(0), value: Double(column.values.count),
                                        expected: "one value per pixel, \(areas.count)")
        }
        types = [type]
        count = areas.count
        self.shared = shared
        overrides = []
        overriddenKeys = []
        self.columns = columns
        self.areas = areas
        cells = .pixels(name)
    }

    /// The units split into batches: units with the same positive-area types and the same overridden keys go
    /// together, in the order their first unit appears; within a batch, cells keep the units' order. A group larger
    /// than `maximumCells` is cut into consecutive batches of at most that many, so that batches can run on several
    /// cores.
    ///
    /// - Returns: each batch with the positions of its cells in `units`.
    public static func batches(of units: [AccountingUnit], shared: Inputs, overrides: [String: Inputs],
                               maximumCells: Int = .max) -> [(batch: CellBatch, positions: [Int])] {
        struct Shape: Hashable {
            let types: [EcosystemType]
            let keys: [String]
        }
        var order: [Shape] = []
        var members: [Shape: [Int]] = [:]
        // Each unit's own inputs and types, found one piece of the units per core: 10⁵ lookups by id in a table of
        // 10⁵ miss the cache nearly every time.
        let pieces = parallelChunks(units.count)
        let found = parallelMap(pieces.count) { p in
            pieces[p].map { (own: overrides.isEmpty ? nil : overrides[units[$0].id], types: units[$0].types(excluding: [])) }
        }.flatMap { $0 }
        var last: (shape: Shape, members: [Int])?
        // Units of one shape usually come in runs (the rows of a CSV table): a run is hashed once, when it ends.
        func close() {
            guard let (shape, run) = last else { return }
            if members[shape] == nil { order.append(shape) }
            members[shape, default: []] += run
        }
        for (position, (own, types)) in found.enumerated() {
            // Compared with the run's shape before a shape is built: sorting each unit's keys was a visible share
            // of an account of 10⁵ units.
            if let shape = last?.shape, shape.types == types, shape.keys.count == (own?.keys.count ?? 0),
               shape.keys.allSatisfy({ own?[$0] != nil }) {
                last?.members.append(position)
            } else {
                close()
                last = (Shape(types: types, keys: own.map { $0.keys.sorted() } ?? []), [position])
            }
        }
        close()
        let size = max(1, maximumCells)
        let batches = order.flatMap { shape in
            let group = members[shape] ?? []
            return stride(from: 0, to: group.count, by: size).map { Array(group[$0..<min($0 + size, group.count)]) }.map { positions in (shape, positions) }
        }
        return parallelMap(batches.count) { index in
            let (shape, positions) = batches[index]
            let batch = CellBatch(units: units, positions: positions, types: shape.types, shared: shared,
                                  overrides: shape.keys.isEmpty ? [] : positions.map { found[$0].own ?? Inputs() },
                                  overriddenKeys: Set(shape.keys))
            return (batch, positions)
        }
    }

    /// The id of `cell` for messages: the unit's id, or the pixel's name.
    public func id(cell: Int) -> String {
        switch cells {
        case let .units(units, positions): return units[positions[cell]].id
        case let .pixels(name): return name(cell)
        }
    }

    /// `cell` as an accounting unit: the unit itself, or for a pixel a unit of its one type and area.
    public func unit(cell: Int) -> AccountingUnit {
        switch cells {
        case let .units(units, positions):
            return units[positions[cell]]
        case let .pixels(name):
            let areas = Dictionary(uniqueKeysWithValues: types.indices.map { (types[$0], area(cell: cell, type: $0)) })
            return AccountingUnit(checkedID: name(cell), ecosystemAreas: areas)
        }
    }

    /// The area of `types[t]` in `cell`; inlinable, since services' kernels call it for every pixel.
    @inlinable
    public func area(cell: Int, type t: Int) -> Quantity<Area> { Quantity(baseValue: areas[cell * types.count + t]) }

    /// Whether the cells hold a positive area of `type`.
    public func has(_ type: EcosystemType) -> Bool { types.contains(type) }

    /// Whether the cells have input `key`, shared, overridden or as a column.
    public func has(_ key: String) -> Bool { shared[key] != nil || overriddenKeys.contains(key) || columns[key] != nil }

    /// The positions in ``types`` of the types whose group is one of `groups`.
    public func types(in groups: Set<EcosystemGroup>) -> [Int] { types.indices.filter { groups.contains(types[$0].group) } }

    /// The positions in ``types`` of the types whose group is not in `excluded`.
    public func types(excluding excluded: Set<EcosystemGroup>) -> [Int] {
        types.indices.filter { !excluded.contains(types[$0].group) }
    }

    /// The inputs one cell sees: the shared ones overlaid with its own and with its values of the columns.
    public func inputs(cell: Int) -> Inputs {
        var inputs = overriddenKeys.isEmpty ? shared : shared.merging(overrides[cell])
        for column in columns.values { inputs.set(column.input(cell: cell)) }
        return inputs
    }
}

/// An input given as one number per cell, all in one unit: a column of a table, or a raster's pixels.
public struct CellColumn: Sendable {
    public let key: String
    /// Each cell's value, in `unit`.
    public let values: [Double]
    /// The unit, looked up once.
    public let unit: Measure
    public let provenance: Provenance

    /// - Parameter unit: the unit as written ("mm", "t/ha").
    public init(_ key: String, values: [Double], unit: String, provenance: Provenance) {
        self.key = key
        self.values = values
        self.unit = Measure(1, unit)
        self.provenance = provenance
    }

    /// The cell's value as an input.
    public func input(cell: Int) -> Input { Input(key, .single(unit.with(value: values[cell])), provenance: provenance) }
}
