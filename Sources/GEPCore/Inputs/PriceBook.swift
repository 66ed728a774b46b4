/// The unit prices an account uses, by key. Restating them to the report year is the account's work (with the
/// region model's deflator): the book holds each price at its own price year.
public struct PriceBook: Sendable, Hashable {
    /// What the book is, e.g. "GEP guideline prices (Garzê 2010 table)".
    public let name: String
    private let prices: [String: Price]

    public init(name: String, prices: [Price]) {
        self.name = name
        self.prices = Dictionary(prices.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// This book with `other`'s prices in place of its own where both name one, and `other`'s others added: a
    /// regional book or a shadow price laid over the guideline's ("A, with B").
    public func overlaid(with other: PriceBook) -> PriceBook {
        PriceBook(name: "\(name), with \(other.name)", prices: all + other.all)  // the init keeps the last of a key
    }

    /// All prices, sorted by key.
    public var all: [Price] { prices.values.sorted { $0.key < $1.key } }

    /// The price named `key`.
    ///
    /// - Throws: ``PriceError/missing(key:service:book:)``.
    public func price(_ key: String, service: String? = nil) throws -> Price {
        guard let price = prices[key] else { throw PriceError.missing(key: key, service: service, book: name) }
        return price
    }

    /// The price named `key` as a typed unit price.
    ///
    /// - Throws: ``PriceError/missing(key:service:book:)`` or ``PriceError/wrongUnit(key:service:problem:)``.
    public func unitPrice<D: PhysicalDimension>(_ key: String, _ dimension: D.Type, service: String? = nil) throws -> UnitPrice<D> {
        let price = try price(key, service: service)
        do { return try price.unitPrice(dimension) } catch let error as UnitError {
            throw PriceError.wrongUnit(key: key, service: service, problem: error)
        }
    }

    /// The price of a typed key as a unit price of its dimension.
    ///
    /// - Throws: the errors of ``unitPrice(_:_:service:)``.
    public func unitPrice<D>(_ key: PriceKey<D>, service: String? = nil) throws -> UnitPrice<D> {
        try unitPrice(key.name, D.self, service: service)
    }

    /// Checks that every required price is present, positive and quoted per a unit of the right dimension.
    ///
    /// - Throws: the first ``PriceError`` found.
    public func check(_ requirements: [PriceRequirement], service: String) throws {
        let missing = requirements.filter { prices[$0.key] == nil }.map(\.key)
        if let first = missing.first { throw PriceError.missing(key: first, service: service, book: name) }
        for requirement in requirements {
            let price = prices[requirement.key]!
            guard price.amount >= 0, price.amount.isFinite else {
                throw PriceError.negative(key: price.key, amount: price.amount)
            }
            func check<D: PhysicalDimension>(_ dimension: D.Type) throws { _ = try unitPrice(requirement.key, dimension, service: service) }
            try check(requirement.dimension)
        }
    }
}

/// A price that a service cannot use.
public enum PriceError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(key: String, service: String?, book: String)
    case wrongUnit(key: String, service: String?, problem: UnitError)
    case negative(key: String, amount: Double)

    public var description: String {
        switch self {
        case let .missing(key, service, book):
            return "\(InputError.context(service, nil))price \"\(key)\" is not in price book \"\(book)\""
        case let .wrongUnit(key, service, problem):
            return "\(InputError.context(service, nil))price \"\(key)\": \(problem)"
        case let .negative(key, amount):
            return "price \"\(key)\" is \(amount); expected a non-negative finite amount"
        }
    }
}
