import GEPCore

/// Reindeer pasture (驯鹿牧场): the lichen and forage that Genhe's forests give the Ewenki reindeer herds of
/// Aoluguya (敖鲁古雅), a provisioning service the GEP guideline does not list.
///
/// Physical model: F = N · f, the forage eaten in a year, with N the reindeer kept (head) and f the forage one
/// animal eats in a year (t dry matter per head).
///
/// Value: V = F · p_f, at the replacement cost of bought forage p_f (元/t).
///
/// Sources: seed 002 (reindeer culture of Aoluguya, l.17, 768); more than 1200 head at 14 breeding sites
/// (Xinhua / China Daily, 2020-12-18). Forage intake and price are the model's inputs, with their provenance.
public struct ReindeerPasture: EcosystemService {
    public let id: ServiceID = "reindeer-pasture"
    public let name = "reindeer pasture"
    public let localName = "驯鹿牧场"
    public let category = ServiceCategory.provisioning
    public let physicalUnit = "t"
    public let methods = [ServiceMethod(
        id: "forage-replacement",
        formula: "F = N·f (N head, f t dry matter per head per year); V = F·p_f",
        source: "seed 002 l.17, 768 (Aoluguya reindeer); herd size: Xinhua 2020-12-18",
        inputs: [
            InputRequirement("reindeer", "reindeer kept N (head)", dimension: Count.self),
            InputRequirement("forage-per-head", "forage one reindeer eats in a year f (t dry matter)", dimension: Mass.self, domain: .positive),
        ],
        prices: [PriceRequirement("forage-price", "replacement cost of bought forage per t", per: Mass.self)]
    )]

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let head = try inputs.quantity("reindeer", Count.self).value(in: .visit)
        let forage = try inputs.quantity("forage-per-head", Mass.self) * head
        let line = ValuedLine(id: "forage", label: "forage eaten by reindeer", quantity: forage,
                              price: try prices.unitPrice("forage-price", Mass.self), priceKey: "forage-price")
        return result(for: unit, method: method, physical: PhysicalAmount(forage, in: .tonne), lines: [line])
    }
}
