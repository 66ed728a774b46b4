import LinearAlgebra

/// A GEP account: the physical table Q (accounting units × valued lines), the price vector p at report-year
/// prices, the value table V = Q·diag(p), and GEP per unit, Q·p over the lines counted in the total.
///
/// This is the matrix form of the GEP guideline's aggregation GEP = Σ_services value, with each service's value the
/// sum of its lines' quantity × price. Keeping Q and p apart lets scenario and uncertainty runs replace p by a
/// matrix of price draws and compute every draw with one matrix product.
public struct Account: Sendable {
    /// The year whose prices all values are in.
    public let reportYear: Int
    /// The accounting unit ids: the rows of Q.
    public let units: [String]
    /// The valued lines: the columns of Q.
    public let lines: [AccountLine]
    /// Q: `physical[u, l]` is the quantity of line l in unit u, in `lines[l].unit`.
    public let physical: Matrix
    /// p: `prices[l]` is 元 per `lines[l].unit` at `reportYear` prices.
    public let prices: [Double]
    /// V = Q·diag(p): `values[u, l]` in 元 at `reportYear` prices.
    public let values: Matrix
    /// GEP of each unit in 元: Q·p restricted to the lines counted in the total.
    public let gepByUnit: [Double]

    /// An account from a physical table and prices.
    ///
    /// - Complexity: O(units × lines); GEP is one BLAS `dgemv`.
    /// - Throws: ``AccountError/shapeMismatch(_:)`` when the sizes disagree.
    public init(reportYear: Int, units: [String], lines: [AccountLine], physical: Matrix, prices: [Double]) throws {
        guard physical.rows == units.count, physical.columns == lines.count, prices.count == lines.count else {
            throw AccountError.shapeMismatch(
                "Q is \(physical.rows)×\(physical.columns) for \(units.count) units and \(lines.count) lines, with \(prices.count) prices")
        }
        self.reportYear = reportYear
        self.units = units
        self.lines = lines
        self.physical = physical
        self.prices = prices
        var values = physical
        for l in 0..<lines.count {
            for u in 0..<units.count { values[u, l] *= prices[l] }
        }
        self.values = values
        let counted = zip(prices, lines).map { price, line in line.includedInTotal ? price : 0 }
        self.gepByUnit = try physical.multiplied(by: counted)
        try requireFinite()
    }

    /// Every quantity, price, value and total is a finite number: an input near the top of the floating-point range
    /// (a precipitation of 10³⁰⁰ mm) or a formula that overflows stops here, naming the service, unit and line,
    /// instead of printing "inf" or "nan" as a GEP.
    ///
    /// - Throws: ``AccountError/nonFinite(service:unit:line:detail:)``.
    private func requireFinite() throws {
        for (l, line) in lines.enumerated() {
            guard prices[l].isFinite else {
                throw AccountError.nonFinite(service: line.service.rawValue, unit: nil, line: line.line, detail: "the price is \(prices[l]) 元/\(line.unit)")
            }
            for (u, unit) in units.enumerated() where !(physical[u, l].isFinite && values[u, l].isFinite) {
                throw AccountError.nonFinite(service: line.service.rawValue, unit: unit, line: line.line,
                                             detail: "the quantity is \(physical[u, l]) \(line.unit) and its value \(values[u, l]) 元 at \(prices[l]) 元/\(line.unit)")
            }
        }
        for (u, unit) in units.enumerated() where !gepByUnit[u].isFinite {
            throw AccountError.nonFinite(service: nil, unit: unit, line: nil, detail: "GEP is \(gepByUnit[u]) 元")
        }
        let total = gepByUnit.reduce(0, +)
        guard total.isFinite else { throw AccountError.nonFinite(service: nil, unit: nil, line: nil, detail: "the total GEP is \(total) 元") }
    }

    /// An account from service results, with every price restated to `reportYear`.
    ///
    /// - Parameters:
    ///   - results: one result per (unit, service); units and lines appear in the order first met.
    ///   - excludedFromTotal: services reported but not summed into GEP.
    /// - Throws: ``AccountError/duplicateResult(service:unit:)``, ``AccountError/inconsistentLine(service:line:detail:)``
    ///   when one line has different units or prices in different accounting units, and the restating errors of
    ///   ``ValuedLine/price(atPricesOf:deflator:)``.
    public init(results: [ServiceResult], reportYear: Int, deflator: Deflator? = nil,
                excludedFromTotal: Set<ServiceID> = []) throws {
        var units: [String] = []
        var unitRow: [String: Int] = [:]
        var columns = AccountColumns(reportYear: reportYear, deflator: deflator)
        var seen = Set<ResultKey>()
        var rowOfResult: [Int] = []
        var columnsOfResult: [[Int]] = []
        rowOfResult.reserveCapacity(results.count)
        for result in results {
            guard seen.insert(ResultKey(unit: result.unit, service: result.service)).inserted else {
                throw AccountError.duplicateResult(service: result.service.rawValue, unit: result.unit)
            }
            guard result.physical.amount.isFinite, result.physical.byEcosystemType.values.allSatisfy(\.isFinite) else {
                throw AccountError.nonFinite(service: result.service.rawValue, unit: result.unit, line: nil,
                                             detail: "the physical amount is \(result.physical.amount) \(result.physical.unit)")
            }
            if let row = unitRow[result.unit] {
                rowOfResult.append(row)
            } else {
                unitRow[result.unit] = units.count
                rowOfResult.append(units.count)
                units.append(result.unit)
            }
            columnsOfResult.append(try result.lines.map { line in
                try columns.column(of: line, service: result.service, category: result.category,
                                   includedInTotal: !excludedFromTotal.contains(result.service))
            })
        }
        var physical = Matrix(rows: units.count, columns: columns.lines.count)
        for ((result, row), lineColumns) in zip(zip(results, rowOfResult), columnsOfResult) {
            for (line, column) in zip(result.lines, lineColumns) { physical[row, column] = line.quantity.amount }
        }
        try self.init(reportYear: reportYear, units: units, lines: columns.lines, physical: physical, prices: columns.prices)
    }

    /// The mean and standard deviation of each unit's GEP over many price draws: the columns of `prices` (lines ×
    /// draws) are draws in 元 per line unit at `reportYear` prices, and each unit's GEP under draw k is
    /// (Q_counted · P)[u, k], with the columns of lines left out of the total zeroed.
    ///
    /// The product is formed `blockSize` draws at a time into one reused buffer (BLAS `dgemm`) and reduced as it goes,
    /// so memory is units × blockSize doubles whatever the draw count. Sums are of the differences from the
    /// deterministic GEP, which keeps the variance free of cancellation when the spread is small against the level.
    ///
    /// - Complexity: O(units · lines · draws) time, O(units · blockSize) memory.
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when `prices` does not have one row per line
    ///   or has no draw.
    public func gepDrawMoments(prices: Matrix, blockSize: Int = 1024) throws -> [DrawMoments] {
        let draws = prices.columns
        guard draws > 0 else {
            throw LinearAlgebraError.shapeMismatch(routine: "dgemm", detail: "a price matrix with no draws (no columns)")
        }
        let counted = countedPhysical
        let block = max(1, min(blockSize, draws))
        var buffer = [Double](repeating: 0, count: units.count * block)
        var sums = [Double](repeating: 0, count: units.count), squares = sums
        for start in stride(from: 0, to: draws, by: block) {
            let columns = start..<min(start + block, draws)
            try counted.multiply(prices, columns: columns, into: &buffer)
            for k in 0..<columns.count {
                for u in units.indices {
                    let d = buffer[u + k * units.count] - gepByUnit[u]
                    sums[u] += d
                    squares[u] += d * d
                }
            }
        }
        let n = Double(draws)
        return units.indices.map { u in
            let variance = draws > 1 ? max(0, (squares[u] - sums[u] * sums[u] / n) / (n - 1)) : 0
            return DrawMoments(mean: gepByUnit[u] + sums[u] / n, standardDeviation: variance.squareRoot())
        }
    }

    /// The mean and standard deviation of each unit's GEP when line prices have means `priceMeans` and covariance
    /// `priceCovariance` (lines × lines, 元² per unit²): GEP is linear in the prices, so E[GEP_u] = q_u·μ and
    /// Var[GEP_u] = q_u·Σ·q_uᵀ exactly, with q_u the unit's counted quantities. One `dgemm` (Q·Σ) and a row-wise dot.
    ///
    /// - Complexity: O(units · lines²).
    /// - Throws: ``LinearAlgebraError/shapeMismatch(routine:detail:)`` when the sizes do not match the lines.
    public func gepMoments(priceMeans: [Double], priceCovariance: Matrix) throws -> [DrawMoments] {
        guard priceCovariance.rows == lines.count, priceCovariance.columns == lines.count else {
            throw LinearAlgebraError.shapeMismatch(routine: "dgemm", detail: "a \(priceCovariance.rows)×\(priceCovariance.columns) covariance for \(lines.count) lines")
        }
        let counted = countedPhysical
        let means = try counted.multiplied(by: priceMeans)
        let spread = try counted.multiplied(by: priceCovariance)
        return units.indices.map { u in
            let variance = lines.indices.reduce(0) { $0 + spread[u, $1] * counted[u, $1] }
            return DrawMoments(mean: means[u], standardDeviation: max(0, variance).squareRoot())
        }
    }

    /// Q with the columns of lines left out of the total zeroed.
    private var countedPhysical: Matrix {
        var counted = physical
        for (l, line) in lines.enumerated() where !line.includedInTotal {
            for u in 0..<units.count { counted[u, l] = 0 }
        }
        return counted
    }

    /// Total GEP over all units, at `reportYear` prices.
    public var gep: Money { Money(gepByUnit.reduce(0, +), priceYear: reportYear) }

    /// The services in the account, in column order.
    public var services: [ServiceID] {
        var seen = Set<ServiceID>()
        return lines.map(\.service).filter { seen.insert($0).inserted }
    }

    /// The value of one service in one unit (the sum of its lines), whether or not it counts towards GEP.
    public func value(of service: ServiceID, unit: String) -> Money {
        guard let row = units.firstIndex(of: unit) else { return .zero(priceYear: reportYear) }
        let yuan = lines.indices.filter { lines[$0].service == service }.reduce(0) { $0 + values[row, $1] }
        return Money(yuan, priceYear: reportYear)
    }

    /// The value of one service summed over all units (unit by unit, in row order).
    ///
    /// - Complexity: O(units × lines): rows are taken by index, not looked up by id for each unit.
    public func value(of service: ServiceID) -> Money {
        let columns = lines.indices.filter { lines[$0].service == service }
        let yuan = units.indices.reduce(0) { sum, row in sum + columns.reduce(0) { $0 + values[row, $1] } }
        return Money(yuan, priceYear: reportYear)
    }

    /// The GEP contribution of one category over all units (lines excluded from the total are left out).
    public func total(of category: ServiceCategory) -> Money {
        let yuan = lines.indices.filter { lines[$0].category == category && lines[$0].includedInTotal }
            .reduce(0) { sum, l in sum + values.column(l).reduce(0, +) }
        return Money(yuan, priceYear: reportYear)
    }

    static func checkConsistent(_ existing: AccountLine, _ existingPrice: Double, _ line: ValuedLine, _ price: Double) throws {
        let name = (service: existing.service.rawValue, line: existing.line)
        if existing.unit != line.unit {
            throw AccountError.inconsistentLine(service: name.service, line: name.line,
                                                detail: "unit \"\(existing.unit)\" in one accounting unit, \"\(line.unit)\" in another")
        }
        if abs(existingPrice - price) > 1e-12 * max(abs(existingPrice), abs(price)) || existing.priceKey != line.priceKey {
            throw AccountError.inconsistentLine(service: name.service, line: name.line,
                                                detail: "priced at \(existingPrice) 元/\(existing.unit) (\(existing.priceKey)) in one accounting unit and \(price) (\(line.priceKey)) in another; an account uses one price per line")
        }
    }
}

/// A result's place in ``Account/init(results:reportYear:deflator:excludedFromTotal:)``: one per unit and service.
private struct ResultKey: Hashable {
    let unit: String
    let service: ServiceID
}

/// A column of the physical table: a service's line.
struct LineKey: Hashable {
    let service: ServiceID
    let line: String
}

/// The mean and standard deviation of one unit's GEP over price draws, in 元 at report-year prices.
public struct DrawMoments: Sendable, Hashable {
    public let mean: Double
    /// The sample standard deviation (divisor N − 1); zero for a single draw.
    public let standardDeviation: Double
}

/// An account that cannot be built.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    case shapeMismatch(String)
    case duplicateResult(service: String, unit: String)
    case inconsistentLine(service: String, line: String, detail: String)
    case deflatorNeeded(line: String, priceYear: Int, reportYear: Int)
    /// A computed quantity, value or total that is infinite or not a number.
    case nonFinite(service: String?, unit: String?, line: String?, detail: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(detail):
            return "account shapes do not fit: \(detail)"
        case let .duplicateResult(service, unit):
            return "service \(service) was assessed twice for unit \(unit)"
        case let .inconsistentLine(service, line, detail):
            return "service \(service), line \(line): \(detail)"
        case let .deflatorNeeded(line, priceYear, reportYear):
            return "line \(line) is priced at \(priceYear) prices but the account is at \(reportYear) prices; give a deflator covering both years"
        case let .nonFinite(service, unit, line, detail):
            let place = [service.map { "service \($0)" }, unit.map { "unit \($0)" }, line.map { "line \($0)" }].compactMap { $0 }
            return (place.isEmpty ? "" : place.joined(separator: ", ") + ": ")
                + "\(detail); expected a finite number (an input is too large for the formula, or the formula overflows)"
        }
    }
}
