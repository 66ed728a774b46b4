import LinearAlgebra

/// Service outcomes over many batches of cells (the pixels of a raster, block by block) summed into zones, the
/// accounting units of the account: each line's quantity, each service's physical amount and warnings per zone.
///
/// Sums are exact (``ExactSum``), so batches and blocks added or merged in any grouping give the same bits: one
/// thread or many, one process or tiles merged later from their ``Sums``. Lines take columns in the order first met,
/// and warnings keep the first message met, so those follow the order batches are given; prices are restated once per
/// line, and a line met again with another unit or price is refused, as in
/// ``Account/init(results:reportYear:deflator:excludedFromTotal:)``.
public struct ZonalAccount {
    private let services: [RegionModel.ServiceChoice]
    private let modules: [any EcosystemService]
    private let zones: Int
    /// What a cell is called in summarised warnings ("pixels").
    private let cellName: String
    private var columns: AccountColumns
    /// `quantities[column][zone]`, in the line's unit.
    private var quantities: [[ExactSum]] = []
    /// `physical[service][zone]`, and the physical unit first met.
    private var physical: [[ExactSum]]
    private var physicalUnits: [String?]
    /// Per service and zone: how many cells warned, and the first message.
    private var warnings: [[Int: (count: Int, first: WarningText)]]

    /// - Parameter cellName: what a cell is, for a warning met in several cells of a zone ("12 pixels; the first: …").
    public init(services: [RegionModel.ServiceChoice], modules: [any EcosystemService], zones: Int, reportYear: Int, deflator: Deflator?,
                cellName: String = "cells") {
        self.services = services
        self.cellName = cellName
        self.modules = modules
        self.zones = zones
        columns = AccountColumns(reportYear: reportYear, deflator: deflator)
        physical = services.map { _ in [ExactSum](repeating: ExactSum(), count: zones) }
        physicalUnits = services.map { _ in nil }
        warnings = services.map { _ in [:] }
    }

    /// Adds one batch's outcomes, one per service in model order; `zone[cell]` is the zone of each cell.
    ///
    /// - Throws: ``AccountError/inconsistentLine(service:line:detail:)`` and the restating errors of
    ///   ``ValuedLine/price(atPricesOf:deflator:)``.
    public mutating func add(_ outcomes: [BatchOutcome], zone: [Int]) throws {
        for (s, outcome) in outcomes.enumerated() {
            switch outcome {
            case let .batch(result):
                physicalUnits[s] = physicalUnits[s] ?? result.physicalUnit
                Self.add(result.physical, by: zone, into: &physical[s])
                for line in result.lines {
                    let column = try self.column(s, line.line(cell: 0))
                    Self.add(line.quantities, by: zone, into: &quantities[column])
                }
                for (cell, messages) in result.warnings.sorted(by: { $0.key < $1.key }) {
                    for message in messages { warn(s, zone[cell], message) }
                }
            case let .perCell(results):
                for (cell, result) in results.enumerated() {
                    physicalUnits[s] = physicalUnits[s] ?? result.physical.unit
                    physical[s][zone[cell]].add(result.physical.amount)
                    for line in result.lines { quantities[try column(s, line)][zone[cell]].add(line.quantity.amount) }
                    for message in result.warnings { warn(s, zone[cell], WarningText(written: message)) }
                }
            }
        }
    }

    /// Adds another account's sums (of another block), line by line.
    ///
    /// - Throws: ``AccountError/inconsistentLine(service:line:detail:)`` for a line with another unit or price.
    public mutating func merge(_ other: ZonalAccount) throws {
        try merge(lines: other.columns.lines, prices: other.columns.prices, quantities: other.quantities, physical: other.physical,
                  physicalUnits: other.physicalUnits, warnings: other.warnings)
    }

    /// Adds sums written by another run of the same services and zones (a tile of a raster computed elsewhere).
    ///
    /// - Throws: ``AccountError/shapeMismatch(_:)`` for sums of other services or zones, and
    ///   ``AccountError/inconsistentLine(service:line:detail:)`` for a line with another unit or price.
    public mutating func merge(_ sums: Sums) throws {
        guard sums.physical.count == services.count, sums.physicalUnits.count == services.count, sums.quantities.count == sums.lines.count,
              (sums.physical + sums.quantities).allSatisfy({ $0.count == zones }),
              sums.warnings.allSatisfy({ services.indices.contains($0.service) && (0..<zones).contains($0.zone) }) else {
            throw AccountError.shapeMismatch("sums of \(sums.physical.count) services, \(sums.lines.count) lines and \(sums.physical.first?.count ?? 0) zones, merged into an account of \(services.count) services and \(zones) zones")
        }
        let lines = try sums.lines.map { try $0.accountLine() }
        var warnings = services.map { _ in [Int: (count: Int, first: WarningText)]() }
        for warning in sums.warnings { warnings[warning.service][warning.zone] = (warning.count, WarningText(written: warning.first)) }
        try merge(lines: lines, prices: sums.lines.map(\.price), quantities: sums.quantities, physical: sums.physical,
                  physicalUnits: sums.physicalUnits, warnings: warnings)
    }

    /// The sums, to be merged into an account of the same services and zones elsewhere.
    public var sums: Sums {
        Sums(lines: zip(columns.lines, columns.prices).map { Sums.Line($0, price: $1) }, quantities: quantities, physical: physical,
             physicalUnits: physicalUnits,
             warnings: warnings.enumerated().flatMap { s, byZone in
                 byZone.sorted { $0.key < $1.key }.map { Sums.Warning(service: s, zone: $0.key, count: $0.value.count, first: $0.value.first.description) }
             })
    }

    private mutating func merge(lines: [AccountLine], prices: [Double], quantities otherQuantities: [[ExactSum]], physical otherPhysical: [[ExactSum]],
                                physicalUnits otherUnits: [String?], warnings otherWarnings: [[Int: (count: Int, first: WarningText)]]) throws {
        for (column, line) in lines.enumerated() {
            let target = try columns.column(of: line, price: prices[column])
            growQuantities()
            for zone in 0..<zones { quantities[target][zone].add(otherQuantities[column][zone]) }
        }
        for s in services.indices {
            physicalUnits[s] = physicalUnits[s] ?? otherUnits[s]
            for zone in 0..<zones { physical[s][zone].add(otherPhysical[s][zone]) }
            for (zone, found) in otherWarnings[s].sorted(by: { $0.key < $1.key }) {
                let mine = warnings[s][zone]
                warnings[s][zone] = (count: (mine?.count ?? 0) + found.count, first: mine?.first ?? found.first)
            }
        }
    }

    /// The account of the zones, which are `model`'s units in zone order.
    ///
    /// - Throws: ``AccountError`` for a model whose units are not one per zone, or a total that is not finite.
    public func run(model: RegionModel) throws -> AccountRun {
        guard model.region.units.count == zones else {
            throw AccountError.shapeMismatch("\(zones) zones for a region of \(model.region.units.count) units")
        }
        var table = Matrix(rows: zones, columns: columns.lines.count)
        for (column, sums) in quantities.enumerated() {
            for (zone, amount) in sums.enumerated() { table[zone, column] = amount.value }
        }
        let account = try Account(reportYear: columns.reportYear, units: model.region.units.map(\.id), lines: columns.lines, physical: table,
                                  prices: columns.prices)
        let cellName = cellName
        let runs = try zip(services, modules).enumerated().map { s, pair in
            ServiceRun(id: pair.1.id, category: pair.1.category, method: try pair.1.method(pair.0.method).id,
                       physicalUnit: physicalUnits[s] ?? pair.1.physicalUnit, physical: physical[s].map(\.value),
                       warnings: warnings[s].mapValues { found in
                           [found.count == 1 ? found.first : WarningText { "\(found.count) \(cellName); the first: \(found.first)" }]
                       })
        }
        return AccountRun(model: model, services: runs, account: account)
    }

    private mutating func column(_ s: Int, _ line: ValuedLine) throws -> Int {
        let column = try columns.column(of: line, service: services[s].id, category: modules[s].category,
                                        includedInTotal: services[s].includedInTotal)
        growQuantities()
        return column
    }

    /// A row of zone sums for each column added since the last call.
    private mutating func growQuantities() {
        while quantities.count < columns.lines.count { quantities.append([ExactSum](repeating: ExactSum(), count: zones)) }
    }

    /// Each zone's sum of the cells' amounts, `zone[cell]` in `0..<zones`, as ``add(_:by:into:)`` adds them.
    public static func sums(_ amounts: [Double], by zone: [Int], zones: Int) -> [ExactSum] {
        var sums = [ExactSum](repeating: ExactSum(), count: zones)
        add(amounts, by: zone, into: &sums)
        return sums
    }

    /// Adds each cell's amount into its zone's sum. Cells come in stretches of one zone (a raster's rows), so each
    /// stretch is summed in a register and added once: an exact addition a cell would cost a pass over the partials
    /// a cell. A stretch's rounding depends only on the batch, so the same batches give the same bits.
    private static func add(_ amounts: [Double], by zone: [Int], into sums: inout [ExactSum]) {
        guard var current = zone.first else { return }
        var stretch = 0.0
        for (cell, amount) in amounts.enumerated() {
            if zone[cell] != current {
                sums[current].add(stretch)
                current = zone[cell]
                stretch = 0
            }
            stretch += amount
        }
        sums[current].add(stretch)
    }

    private mutating func warn(_ s: Int, _ zone: Int, _ message: WarningText) {
        let found = warnings[s][zone]
        warnings[s][zone] = (count: (found?.count ?? 0) + 1, first: found?.first ?? message)
    }
}

extension ZonalAccount {
    /// A zonal account's sums without its service modules, exact and codable: what a tile of a raster run writes for
    /// the merge, which adds tiles' sums into one account with the same bits as a run in one process.
    public struct Sums: Codable, Sendable, Equatable {
        /// A line's column: the ``AccountLine`` with its price in 元 per unit at report-year prices.
        public struct Line: Codable, Sendable, Equatable {
            public let service: ServiceID
            public let category: ServiceCategory
            public let line: String
            public let label: String
            /// The unit's symbol, read back through ``AnyUnit/init(_:)``.
            public let unit: String
            public let priceKey: String
            public let includedInTotal: Bool
            public let price: Double

            init(_ line: AccountLine, price: Double) {
                service = line.service
                category = line.category
                self.line = line.line
                label = line.label
                unit = line.unit.symbol
                priceKey = line.priceKey
                includedInTotal = line.includedInTotal
                self.price = price
            }

            func accountLine() throws -> AccountLine {
                guard let unit = AnyUnit(unit) else {
                    throw AccountError.inconsistentLine(service: service.rawValue, line: line, detail: "its unit \"\(unit)\" is not a unit GEPKit knows")
                }
                return AccountLine(service: service, category: category, line: line, label: label, unit: unit, priceKey: priceKey,
                                   includedInTotal: includedInTotal)
            }
        }

        /// How many cells of a zone warned for a service, and the first message.
        public struct Warning: Codable, Sendable, Equatable {
            public let service: Int
            public let zone: Int
            public let count: Int
            public let first: String
        }

        public let lines: [Line]
        /// `quantities[line][zone]`, in the line's unit.
        public let quantities: [[ExactSum]]
        /// `physical[service][zone]`, in `physicalUnits[service]` (nil where no cell had the service).
        public let physical: [[ExactSum]]
        public let physicalUnits: [String?]
        public let warnings: [Warning]
    }
}
