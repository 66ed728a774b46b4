/// The columns of an account's physical table as its lines are met: each service line takes the next column, with
/// its price restated to the report year once; a line met again (in another unit, batch or block) must have the
/// same unit and price. Shared by every way an ``Account`` is built: from results, from batches, from zones.
struct AccountColumns {
    let reportYear: Int
    let deflator: Deflator?
    private(set) var lines: [AccountLine] = []
    /// 元 per line unit at report-year prices, one per line.
    private(set) var prices: [Double] = []
    private var columnOf: [LineKey: Int] = [:]

    init(reportYear: Int, deflator: Deflator?) {
        self.reportYear = reportYear
        self.deflator = deflator
    }

    /// The column of `line` of `service`, added when first met.
    ///
    /// - Throws: ``AccountError/inconsistentLine(service:line:detail:)`` for a line met before with another unit or
    ///   price, and the restating errors of ``ValuedLine/price(atPricesOf:deflator:)``.
    mutating func column(of line: ValuedLine, service: ServiceID, category: ServiceCategory, includedInTotal: Bool) throws -> Int {
        let key = LineKey(service: service, line: line.id)
        let price = try line.price(atPricesOf: reportYear, deflator: deflator)
        if let existing = columnOf[key] {
            try Account.checkConsistent(lines[existing], prices[existing], line, price)
            return existing
        }
        columnOf[key] = lines.count
        lines.append(AccountLine(service: service, category: category, line: line.id, label: line.label, unit: line.unit,
                                 priceKey: line.priceKey, includedInTotal: includedInTotal))
        prices.append(price)
        return lines.count - 1
    }

    /// The column of a line of another account at the same report year (a block's sums merged into a region's).
    mutating func column(of line: AccountLine, price: Double) throws -> Int {
        let valued = ValuedLine(id: line.line, label: line.label, amount: 0, unit: line.unit, priceKey: line.priceKey,
                                yuanPerUnit: price, priceYear: reportYear)
        return try column(of: valued, service: line.service, category: line.category, includedInTotal: line.includedInTotal)
    }
}
