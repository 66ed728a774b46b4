import GEPCore

/// Reindeer pasture for one accounting unit: the forage Genhe's forests give the reindeer herds kept there.
///
/// Formula (as `gep services show` prints it): F = N·f (N head, f t dry matter per head per year); V = F·p_f
///
/// - N: the reindeer kept (head); f: the forage one animal eats in a year (t dry matter per head); p_f: the
///   replacement cost of bought forage (元/t).
///
/// Sources: 《内蒙古自治区根河市国家生态文明建设示范市规划（2023-2035）》 l.17, 768 (reindeer culture of Aoluguya);
/// more than 1200 head at 14 breeding sites (Xinhua / China Daily, 2020-12-18). Forage intake and price are the
/// model's inputs, with their provenance.
public enum ReindeerPastureKernel {
    /// The formula as `gep services show` prints it; the doc comment above holds the same text.
    public static let formula = "F = N·f (N head, f t dry matter per head per year); V = F·p_f"

    /// F = N·f.
    public static func forage(head: Quantity<Count>, foragePerHead: Quantity<Mass>) -> Quantity<Mass> {
        foragePerHead * head.value(in: .visit)
    }
}

/// Reindeer pasture (驯鹿牧场): the lichen and forage that Genhe's forests give the Ewenki reindeer herds of
/// Aoluguya (敖鲁古雅), a provisioning service the GEP guideline does not list. The formula and its sources are
/// documented once, on ``ReindeerPastureKernel``.
public struct ReindeerPasture: EcosystemService {
    /// The inputs and price, each named once with its dimension.
    public enum Keys {
        public static let reindeer = InputKey<Count>("reindeer")
        public static let foragePerHead = InputKey<Mass>("forage-per-head")
        public static let foragePrice = PriceKey<Mass>("forage-price")
    }

    public let id: ServiceID = "reindeer-pasture"
    public let name = "reindeer pasture"
    public let localName = "驯鹿牧场"
    public let category = ServiceCategory.provisioning
    public let physicalUnit = "t"
    public let methods = [ServiceMethod(
        id: "forage-replacement",
        formula: ReindeerPastureKernel.formula,
        source: "《内蒙古自治区根河市国家生态文明建设示范市规划（2023-2035）》 l.17, 768 (Aoluguya reindeer); herd size: Xinhua 2020-12-18",
        inputs: [
            InputRequirement(Keys.reindeer, "reindeer kept N (head)"),
            InputRequirement(Keys.foragePerHead, "forage one reindeer eats in a year f (t dry matter)", domain: .positive),
        ],
        prices: [PriceRequirement(Keys.foragePrice, "replacement cost of bought forage per t")]
    )]

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let forage = ReindeerPastureKernel.forage(head: try inputs.quantity(Keys.reindeer),
                                                  foragePerHead: try inputs.quantity(Keys.foragePerHead))
        let line = ValuedLine(id: "forage", label: "forage eaten by reindeer", quantity: forage,
                              price: try prices.unitPrice(Keys.foragePrice), priceKey: Keys.foragePrice.name)
        return result(for: unit, method: method, physical: PhysicalAmount(forage, in: .tonne), lines: [line])
    }
}
