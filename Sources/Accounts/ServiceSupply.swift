import GEPCore

/// The SEEA physical and monetary supply table of one year: each valued line's quantity by the ecosystem type that
/// supplies it, with the region's GEP account of the same results.
///
/// Services split their lines by ecosystem type wherever their formula sums over types (water conservation, carbon,
/// soil retention, …); a line with no such split (purification capped at the load emitted, tourism, products) is
/// supplied by the region as a whole and shown as "not attributed" (SEEA Ecosystem Accounting, UN 2021, §7.2:
/// supply is recorded by the ecosystem type that supplies the service, where it can be identified).
public struct ServiceSupply: Sendable {
    /// One valued line over the region.
    public struct Line: Sendable {
        public let column: AccountLine
        /// The quantity each ecosystem type supplies, in `column.unit`, summed over the units.
        public let byType: [EcosystemType: Double]
        /// The quantity no type is named for, in `column.unit`.
        public let unattributed: Double
        /// 元 per `column.unit` at the price book's own year.
        let yuanPerUnit: Double
        let priceYear: Int

        /// The line's total quantity.
        public var quantity: Double { byType.keys.sorted().reduce(unattributed) { $0 + byType[$1, default: 0] } }

        /// 元 per `column.unit` at `year` prices.
        public func price(atPricesOf year: Int, deflator: Deflator?) throws -> Double {
            guard year != priceYear else { return yuanPerUnit }
            guard let deflator else { throw AccountError.deflatorNeeded(line: column.line, priceYear: priceYear, reportYear: year) }
            return yuanPerUnit * (try deflator.factor(from: priceYear, to: year))
        }
    }

    public let model: RegionModel
    /// The region's account of these results, at `model.reportYear` prices.
    public let account: Account
    /// The lines in account column order.
    public let lines: [Line]

    /// Runs every chosen service on every unit, one unit at a time (so that each line keeps its split by type), and
    /// builds the account at `model.reportYear` prices from the same results.
    ///
    /// - Throws: the first error of a service, an input or the account, as ``RegionModel/run(with:)`` does.
    public init(model: RegionModel, registry: ServiceRegistry) throws {
        let registry = try model.registry(extending: registry)
        let modules = try model.services.map { try registry.service($0.id) }
        var results: [ServiceResult] = []
        for unit in model.region.units {
            let inputs = model.inputs(for: unit)
            for (choice, module) in zip(model.services, modules) {
                results.append(try module.evaluate(unit, method: choice.method, inputs: inputs, prices: model.prices))
            }
        }
        let excluded = Set(model.services.filter { !$0.includedInTotal }.map(\.id))
        let account = try Account(results: results, reportYear: model.reportYear, deflator: model.deflator, excludedFromTotal: excluded)
        var byType = [[EcosystemType: Double]](repeating: [:], count: account.lines.count)
        var unattributed = [Double](repeating: 0, count: account.lines.count)
        var price = [(yuan: Double, year: Int)](repeating: (0, 0), count: account.lines.count)
        let column = Dictionary(uniqueKeysWithValues: account.lines.enumerated().map { (ColumnKey(service: $1.service, line: $1.line), $0) })
        for result in results {
            for line in result.lines {
                guard let c = column[ColumnKey(service: result.service, line: line.id)] else { continue }
                var split = 0.0
                for type in line.quantity.byEcosystemType.keys.sorted() {
                    let amount = line.quantity.byEcosystemType[type, default: 0]
                    byType[c][type, default: 0] += amount
                    split += amount
                }
                // A split that adds up to the line (to rounding) leaves nothing unattributed.
                let rest = line.quantity.amount - split
                if abs(rest) > 1e-9 * abs(line.quantity.amount) { unattributed[c] += rest }
                price[c] = (line.yuanPerUnit, line.priceYear)
            }
        }
        self.model = model
        self.account = account
        lines = account.lines.indices.map { c in
            Line(column: account.lines[c], byType: byType[c], unattributed: unattributed[c], yuanPerUnit: price[c].yuan, priceYear: price[c].year)
        }
    }

    /// The yearly value each ecosystem type supplies (nil: not attributed), over the lines counted in GEP, in 元 at
    /// `year` prices.
    public func valueByType(atPricesOf year: Int) throws -> [EcosystemType?: Double] {
        var values: [EcosystemType?: Double] = [:]
        for line in lines where line.column.includedInTotal {
            let price = try line.price(atPricesOf: year, deflator: model.deflator)
            for (type, amount) in line.byType { values[type, default: 0] += amount * price }
            if line.unattributed != 0 { values[nil, default: 0] += line.unattributed * price }
        }
        return values
    }
}

/// A line of the account, by service and line id.
private struct ColumnKey: Hashable {
    let service: ServiceID
    let line: String
}
