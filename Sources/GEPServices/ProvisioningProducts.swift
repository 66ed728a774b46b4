import GEPCore

/// Provisioning products (物质产品): goods taken from ecosystems (timber, berries, livestock products, water
/// supplied, hydropower), valued at market prices.
///
/// Model: V = Σ_k Q_k · p_k over the products k the model lists. Each product is an input named
/// `product:<name>` holding its annual quantity in any unit (m³, t, kWh, head as visit-like counts, ...) and a price
/// with the same name, quoted per a unit of the same dimension; quantities are converted to the price's unit.
///
/// Sources: GEP technical guideline (2020), provisioning services (market-value method); Garzê (生态学报 2017,
/// 37(19)) §2.3 and Table 3 (water supply 1.36 / 150.17 / 17.31 亿 m³ at 2.6 / 3.6 / 0.07 元/m³; hydropower
/// 95.30 亿 kWh at 0.53 元/kWh).
public struct ProvisioningProducts: EcosystemService {
    public let id: ServiceID = "provisioning-products"
    public let name = "provisioning products"
    public let localName = "物质产品"
    public let category = ServiceCategory.provisioning
    public let physicalUnit = "products"
    public let methods = [ServiceMethod(
        id: "market-value",
        formula: "V = Σ_k Q_k·p_k, one input and one price named product:<name> per product",
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
            let factor: Double
            do { factor = try UnitCatalog.conversionFactor(from: measure.unit, to: price.perUnit) } catch let error as UnitError {
                throw PriceError.wrongUnit(key: product.key, service: id.rawValue, problem: error)
            }
            let name = String(product.key.dropFirst(ProvisioningProducts.prefix.count))
            return ValuedLine(id: name, label: name, quantity: PhysicalAmount(amount: measure.value * factor, unit: price.perUnit),
                              priceKey: product.key, yuanPerUnit: price.amount * price.moneyUnit.yuanPerUnit,
                              priceYear: price.priceYear)
        }
        return result(for: unit, method: method, physical: PhysicalAmount(amount: Double(lines.count), unit: physicalUnit),
                      lines: lines)
    }
}
