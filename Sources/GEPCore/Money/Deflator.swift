/// A price index by year, used to restate money from one price year to another.
///
/// Restating multiplies by the ratio of index values: an amount Y at year-a prices is Y · I(b) / I(a) at year-b
/// prices. Any index with a consistent base works (a GDP deflator with 2010 = 100, a CPI chain); which one a
/// model uses, and where it comes from, is recorded in `name` and `provenance`.
public struct Deflator: Sendable, Hashable {
    /// What the index is, e.g. "Inner Mongolia GDP deflator, 2010 = 100".
    public let name: String
    /// The index value for each year it covers.
    public let indexByYear: [Int: Double]
    /// Where the index comes from.
    public let provenance: Provenance

    /// - Throws: ``DeflatorError/nonPositiveIndex(name:year:value:)`` when an index value is not positive and finite.
    public init(name: String, indexByYear: [Int: Double], provenance: Provenance) throws {
        if let (year, value) = indexByYear.sorted(by: { $0.key < $1.key }).first(where: { !($0.value > 0 && $0.value.isFinite) }) {
            throw DeflatorError.nonPositiveIndex(name: name, year: year, value: value)
        }
        self.name = name
        self.indexByYear = indexByYear
        self.provenance = provenance
    }

    /// The years the index covers, in order.
    public var years: [Int] { indexByYear.keys.sorted() }

    /// The years covered, for messages and reports: "2010–2024", or "no years" for an empty table.
    public var coverage: String {
        guard let first = indexByYear.keys.min(), let last = indexByYear.keys.max() else { return "no years" }
        return "\(first)–\(last)"
    }

    /// The factor I(to) / I(from) that restates year-`from` prices to year-`to` prices.
    ///
    /// - Throws: ``DeflatorError/missingYear(name:year:covered:)`` when either year is not in the table.
    public func factor(from: Int, to: Int) throws -> Double {
        if from == to { return 1 }
        guard let a = indexByYear[from] else { throw missingYear(from) }
        guard let b = indexByYear[to] else { throw missingYear(to) }
        return b / a
    }

    /// `money` restated at `year` prices.
    ///
    /// - Throws: ``DeflatorError/missingYear(name:year:covered:)`` when the table lacks either year.
    public func restate(_ money: Money, to year: Int) throws -> Money {
        Money(money.yuan * (try factor(from: money.priceYear, to: year)), priceYear: year)
    }

    private func missingYear(_ year: Int) -> DeflatorError {
        .missingYear(name: name, year: year, covered: coverage)
    }
}

/// A deflator table that cannot do what was asked.
public enum DeflatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The table has no index for `year`.
    case missingYear(name: String, year: Int, covered: String)
    /// An index value is zero, negative or not finite.
    case nonPositiveIndex(name: String, year: Int, value: Double)

    public var description: String {
        switch self {
        case let .missingYear(name, year, covered):
            return "deflator \"\(name)\" has no index for \(year) (it covers \(covered))"
        case let .nonPositiveIndex(name, year, value):
            return "deflator \"\(name)\": index for \(year) is \(value); expected a positive number"
        }
    }
}
