import LinearAlgebra

/// Service outcomes over many batches of cells (the pixels of a raster, block by block) summed into zones, the
/// accounting units of the account: each line's quantity, each service's physical amount and warnings per zone.
///
/// Sums are added in the order batches are given, so the same order gives the same bits. Lines take columns in the
/// order first met, prices are restated once per line, and a line met again with another unit or price is refused,
/// as in ``Account/init(results:reportYear:deflator:excludedFromTotal:)``.
public struct ZonalAccount {
    private let services: [RegionModel.ServiceChoice]
    private let modules: [any EcosystemService]
    private let zones: Int
    /// What a cell is called in summarised warnings ("pixels").
    private let cellName: String
    private var columns: AccountColumns
    /// `quantities[column][zone]`, in the line's unit.
    private var quantities: [[Double]] = []
    /// `physical[service][zone]`, and the physical unit first met.
    private var physical: [[Double]]
    private var physicalUnits: [String?]
    /// Per service and zone: how many cells warned, and the first message.
    private var warnings: [[Int: (count: Int, first: String)]]

    /// - Parameter cellName: what a cell is, for a warning met in several cells of a zone ("12 pixels; the first: …").
    public init(services: [RegionModel.ServiceChoice], modules: [any EcosystemService], zones: Int, reportYear: Int, deflator: Deflator?,
                cellName: String = "cells") {
        self.services = services
        self.cellName = cellName
        self.modules = modules
        self.zones = zones
        columns = AccountColumns(reportYear: reportYear, deflator: deflator)
        physical = services.map { _ in [Double](repeating: 0, count: zones) }
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
                    physical[s][zone[cell]] += result.physical.amount
                    for line in result.lines { quantities[try column(s, line)][zone[cell]] += line.quantity.amount }
                    for message in result.warnings { warn(s, zone[cell], message) }
                }
            }
        }
    }

    /// Adds another account's sums (of another block), line by line; merging blocks in one order gives the same
    /// bits whatever order they were computed in.
    ///
    /// - Throws: ``AccountError/inconsistentLine(service:line:detail:)`` for a line with another unit or price.
    public mutating func merge(_ other: ZonalAccount) throws {
        for (column, line) in other.columns.lines.enumerated() {
            let target = try columns.column(of: line, price: other.columns.prices[column])
            growQuantities()
            for zone in 0..<zones { quantities[target][zone] += other.quantities[column][zone] }
        }
        for s in services.indices {
            physicalUnits[s] = physicalUnits[s] ?? other.physicalUnits[s]
            for zone in 0..<zones { physical[s][zone] += other.physical[s][zone] }
            for (zone, found) in other.warnings[s].sorted(by: { $0.key < $1.key }) {
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
            for (zone, amount) in sums.enumerated() { table[zone, column] = amount }
        }
        let account = try Account(reportYear: columns.reportYear, units: model.region.units.map(\.id), lines: columns.lines, physical: table,
                                  prices: columns.prices)
        let runs = try zip(services, modules).enumerated().map { s, pair in
            ServiceRun(id: pair.1.id, category: pair.1.category, method: try pair.1.method(pair.0.method).id,
                       physicalUnit: physicalUnits[s] ?? pair.1.physicalUnit, physical: physical[s],
                       warnings: warnings[s].mapValues { [$0.count == 1 ? $0.first : "\($0.count) \(cellName); the first: \($0.first)"] })
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
        while quantities.count < columns.lines.count { quantities.append([Double](repeating: 0, count: zones)) }
    }

    /// Each zone's sum of the cells' amounts, `zone[cell]` in `0..<zones`, as ``add(_:by:into:)`` adds them.
    public static func sums(_ amounts: [Double], by zone: [Int], zones: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: zones)
        add(amounts, by: zone, into: &sums)
        return sums
    }

    /// Adds each cell's amount into its zone's sum. Cells come in stretches of one zone (a raster's rows), so each
    /// stretch is summed in a register and added once: adding into memory a cell at a time waits on the previous
    /// store every cell.
    private static func add(_ amounts: [Double], by zone: [Int], into sums: inout [Double]) {
        guard var current = zone.first else { return }
        var stretch = 0.0
        sums.withUnsafeMutableBufferPointer { sums in
            for (cell, amount) in amounts.enumerated() {
                if zone[cell] != current {
                    sums[current] += stretch
                    current = zone[cell]
                    stretch = 0
                }
                stretch += amount
            }
            sums[current] += stretch
        }
    }

    private mutating func warn(_ s: Int, _ zone: Int, _ message: String) {
        let found = warnings[s][zone]
        warnings[s][zone] = (count: (found?.count ?? 0) + 1, first: found?.first ?? message)
    }
}
