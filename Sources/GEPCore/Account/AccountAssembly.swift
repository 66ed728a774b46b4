import LinearAlgebra

/// Builds an ``Account`` from the outcomes of services over batches of units, with the columns in the order a
/// unit-by-unit run meets them (``Account/init(results:reportYear:deflator:excludedFromTotal:)``), every price
/// restated once per batch and checked against the other batches, and every quantity written straight into Q.
struct AccountAssembly {
    let services: [RegionModel.ServiceChoice]
    let categories: [ServiceCategory]
    /// `outcomes[service][batch]`.
    let outcomes: [[BatchOutcome]]
    /// The batch and cell of each unit row.
    let location: [(batch: Int, cell: Int)]
    /// The unit rows of each batch's cells.
    let positions: [[Int]]
    let units: [String]
    let reportYear: Int
    let deflator: Deflator?

    func account() throws -> Account {
        var columns = AccountColumns(reportYear: reportYear, deflator: deflator)
        // The column of each line of each (service, batch), found when the batch's first unit is met.
        var batchColumns = outcomes.map { [[Int]?](repeating: nil, count: $0.count) }
        var cells: [(row: Int, service: Int, lines: [(column: Int, amount: Double)])] = []

        func column(_ s: Int, _ line: ValuedLine) throws -> Int {
            try columns.column(of: line, service: services[s].id, category: categories[s], includedInTotal: services[s].includedInTotal)
        }

        for (row, place) in location.enumerated() {
            for s in services.indices {
                switch outcomes[s][place.batch] {
                case let .batch(result):
                    guard result.physical[place.cell].isFinite else { throw nonFinite(s, row) }
                    if batchColumns[s][place.batch] == nil {
                        batchColumns[s][place.batch] = try result.lines.map { try column(s, $0.line(cell: place.cell)) }
                    }
                case let .perCell(results):
                    let result = results[place.cell]
                    guard result.physical.amount.isFinite, result.physical.byEcosystemType.values.allSatisfy(\.isFinite) else {
                        throw nonFinite(s, row)
                    }
                    cells.append((row, s, try result.lines.map { (try column(s, $0), $0.quantity.amount) }))
                }
            }
        }
        var physical = Matrix(rows: units.count, columns: columns.lines.count)
        for s in services.indices {
            for (b, outcome) in outcomes[s].enumerated() {
                guard case let .batch(result) = outcome, let columns = batchColumns[s][b] else { continue }
                for (line, column) in zip(result.lines, columns) {
                    for (cell, row) in positions[b].enumerated() { physical[row, column] = line.quantities[cell] }
                }
            }
        }
        for cell in cells {
            for (column, amount) in cell.lines { physical[cell.row, column] = amount }
        }
        return try Account(reportYear: reportYear, units: units, lines: columns.lines, physical: physical, prices: columns.prices)
    }

    private func nonFinite(_ s: Int, _ row: Int) -> AccountError {
        AccountError.nonFinite(service: services[s].id.rawValue, unit: units[row], line: nil, detail: "the physical amount is not a finite number")
    }
}
