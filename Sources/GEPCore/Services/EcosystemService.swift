/// An ecosystem service model: how much of a service an accounting unit provides in a year, and what it is worth.
///
/// Built-in modules live in `GEPServices`; other packages add their own by conforming to this protocol and
/// registering an instance in a ``ServiceRegistry``.
///
/// ## Implementation requirements
///
/// - **Declare every input and price** in ``methods``. ``evaluate(_:method:inputs:prices:)`` checks them before
///   ``assess(_:method:inputs:prices:)`` runs, so `assess` may read any non-optional input it declared without
///   re-checking presence, unit or domain.
/// - **Units.** Read inputs through the ``InputReader`` as typed quantities (`inputs.quantity("precipitation",
///   Depth.self, for: type)`); never read a raw number and assume its unit. Return the physical amount in
///   ``physicalUnit``.
/// - **Reject, do not clamp.** An input combination that is physically impossible but passes each domain check
///   on its own (runoff larger than precipitation, say) throws ``InputError/outOfRange(input:service:unit:value:expected:)``
///   naming the input. A result that is legitimately clipped (a service that cannot be negative) says so in
///   `warnings`.
/// - **Money.** Value lines carry the price and its price year exactly as the price book gives them; the
///   ``Account`` restates them to the report year. Never convert price years inside a service.
/// - **Determinism and purity.** The same unit, inputs and prices give the same result, with no I/O and no
///   shared mutable state, so that a per-pixel driver can call the same formula millions of times concurrently.
/// - **Documentation.** Each method's `formula` and `source` state the equation, the variables with units, and the
///   document and section; `gep services show` prints them.
public protocol EcosystemService: Sendable {
    /// The identifier used in model files and output, e.g. "water-conservation".
    var id: ServiceID { get }
    /// The English name, e.g. "water conservation".
    var name: String { get }
    /// The Chinese name, e.g. "水源涵养".
    var localName: String { get }
    /// Provisioning, regulating or cultural.
    var category: ServiceCategory { get }
    /// The unit of the physical amount, e.g. "m³".
    var physicalUnit: String { get }
    /// The methods the service offers; the first is the default.
    var methods: [ServiceMethod] { get }

    /// Computes the service for one accounting unit with inputs and prices already checked against `method`.
    ///
    /// Call ``evaluate(_:method:inputs:prices:)`` instead, which does the checking.
    func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult
}

extension EcosystemService {
    /// The method with `id`, or the default method when `id` is nil.
    ///
    /// - Throws: ``ServiceError/unknownMethod(service:method:available:)``.
    public func method(_ id: String?) throws -> ServiceMethod {
        guard let id else { return methods[0] }
        guard let method = methods.first(where: { $0.id == id }) else {
            throw ServiceError.unknownMethod(service: self.id.rawValue, method: id, available: methods.map(\.id))
        }
        return method
    }

    /// Checks the method's inputs and prices, then assesses the service for `unit`.
    ///
    /// - Parameter methodID: the method to use; nil for the default.
    /// - Throws: ``ServiceError``, ``InputError`` or ``PriceError`` naming the service, the unit and the input,
    ///   before any computation when an input or price is absent or invalid.
    public func evaluate(_ unit: AccountingUnit, method methodID: String? = nil, inputs: Inputs,
                         prices: PriceBook) throws -> ServiceResult {
        let method = try method(methodID)
        let reader = try inputs.reader(service: id.rawValue, unit: unit, checking: method.inputs)
        try prices.check(method.prices, service: id.rawValue)
        let result = try assess(unit, method: method, inputs: reader, prices: prices)
        if !method.allowsNegative, let line = result.lines.first(where: { $0.quantity.amount < 0 }) {
            throw ServiceError.negativeValue(service: id.rawValue, method: method.id, unit: unit.id, line: line.id,
                                             amount: line.quantity.amount, physicalUnit: line.quantity.unit)
        }
        return result
    }
}

extension EcosystemService {
    /// A result of this service for `unit`, filling in the service id, category and method.
    public func result(for unit: AccountingUnit, method: ServiceMethod, physical: PhysicalAmount,
                       lines: [ValuedLine], warnings: [String] = []) -> ServiceResult {
        ServiceResult(service: id, category: category, unit: unit.id, method: method.id,
                      physical: physical, lines: lines, warnings: warnings)
    }
}

/// A service that cannot run as asked.
public enum ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownMethod(service: String, method: String, available: [String])
    /// A declarative service's formula could not be evaluated (a logarithm of zero, a division by zero).
    case formulaFailed(service: String, detail: String)
    /// A value read prices or money at several price years, or at none.
    case mixedPriceYears(service: String, years: [Int])
    /// A line below zero from a method that does not allow it (``ServiceMethod/allowsNegative``).
    case negativeValue(service: String, method: String, unit: String, line: String, amount: Double, physicalUnit: String)

    public var description: String {
        switch self {
        case let .unknownMethod(service, method, available):
            return "service \(service): unknown method \"\(method)\"; available: \(available.joined(separator: ", "))"
        case let .formulaFailed(service, detail):
            return "service \(service): formula failed: \(detail)"
        case let .negativeValue(service, method, unit, line, amount, physicalUnit):
            return "service \(service), unit \(unit): line \(line) is \(sixFigures(amount)) \(physicalUnit); method \(method) gives no negative "
                + "values (only a net carbon source may be below zero); check the inputs"
        case let .mixedPriceYears(service, years):
            return years.isEmpty
                ? "service \(service): the value formula reads no price or money input, so it has no price year"
                : "service \(service): the value formula mixes price years \(years.map(String.init).joined(separator: ", ")); put its prices at one year"
        }
    }
}
