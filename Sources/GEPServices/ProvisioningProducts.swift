import GEPCore

/// Provisioning products (物质产品): goods taken from ecosystems, valued at market prices.
///
/// Each product is an input named `product:<name>` holding its annual quantity in any unit (m³, t, kWh, head as
/// visit-like counts, ...) and a price with the same name, quoted per a unit of the same dimension. The formula and
/// sources are documented once, on ``ProvisioningKernel``.
public struct ProvisioningProducts: EcosystemService {
    public enum Method: String, CaseIterable, Sendable {
        case marketValue = "market-value"
    }

    public let id: ServiceID = "provisioning-products"
    public let name = "provisioning products"
    public let localName = "物质产品"
    public let category = ServiceCategory.provisioning
    public let physicalUnit = "products"
    public let methods = [ServiceMethod(
        id: Method.marketValue.rawValue,
        formula: ProvisioningKernel.formula,
        source: "GEP technical guideline (2020), provisioning services; Garzê (生态学报 2017, 37(19)) §2.3",
        inputs: [], prices: [], inputPrefixes: [ProvisioningProducts.prefix])]

    /// The prefix that marks a product input and its price.
    public static let prefix = "product:"

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let products = inputs.inputs(withPrefix: ProvisioningProducts.prefix)
        guard !products.isEmpty else {
            throw InputError.missing(inputs: ["\(ProvisioningProducts.prefix)<name> (at least one product)"],
                                     service: id.rawValue, unit: unit.id)
        }
        let lines = try products.map { product -> ValuedLine in
            guard case let .single(measure) = product.value else {
                throw InputError.wrongShape(input: product.key, service: id.rawValue, unit: unit.id, expected: "a single annual quantity")
            }
            try inputs.require(measure.value >= 0 && measure.value.isFinite, product.key, value: measure.value,
                               expected: "a non-negative quantity")
            let price = try prices.price(product.key, service: id.rawValue)
            guard let dimension = measure.parsedUnit?.dimension else {
                throw PriceError.wrongUnit(key: product.key, service: id.rawValue,
                                           problem: .unknownUnit(measure.unit, expected: "any dimension"))
            }
            return try line(String(product.key.dropFirst(ProvisioningProducts.prefix.count)), measure, price, dimension)
        }
        return result(for: unit, method: method, physical: PhysicalAmount(amount: Double(lines.count), unit: physicalUnit),
                      lines: lines)
    }

    /// The product's line, with its quantity in the price's unit.
    private func line<D: PhysicalDimension>(_ name: String, _ measure: Measure, _ price: Price, _: D.Type) throws -> ValuedLine {
        let unitPrice: UnitPrice<D>
        do { unitPrice = try price.unitPrice(D.self) } catch let error as UnitError {
            throw PriceError.wrongUnit(key: price.key, service: id.rawValue, problem: error)
        }
        return ValuedLine(id: name, label: name, quantity: try measure.quantity(D.self), price: unitPrice, priceKey: price.key)
    }
}
