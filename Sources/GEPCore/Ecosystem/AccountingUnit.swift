/// A place GEP is accounted for: a town, a forest farm, a county; the rows of an ``Account``.
public struct AccountingUnit: Sendable, Hashable, Identifiable {
    /// A stable identifier used in files and output, e.g. "alongshan".
    public let id: String
    /// The display name, e.g. "Alongshan town".
    public let name: String
    /// The name in Chinese, e.g. "阿龙山镇".
    public let localName: String?
    /// The area of each ecosystem type within the unit.
    public let ecosystemAreas: [EcosystemType: Quantity<Area>]
    /// Resident population, when known (for GEP per capita).
    public let population: Double?
    /// The ecosystem types present, in declaration order.
    public let ecosystemTypes: [EcosystemType]
    /// The sum of all ecosystem-type areas, added in declaration order (reproducible to the last digit).
    public let totalArea: Quantity<Area>
    /// The types with a positive area, in declaration order: ``ecosystemTypes`` itself when every area is positive.
    private let positiveTypes: [EcosystemType]

    /// A unit whose areas were checked by its maker (a pixel of a ``CellBatch``), named by its id.
    init(checkedID id: String, ecosystemAreas: [EcosystemType: Quantity<Area>]) {
        self.init(checked: id, name: id, localName: nil, ecosystemAreas: ecosystemAreas, types: ecosystemAreas.keys.sorted(), population: nil)
    }

    /// - Throws: ``InputError/negativeArea(unit:ecosystemType:squareMetres:)`` for a negative or non-finite area, and
    ///   ``InputError/outOfRange(input:service:unit:value:expected:)`` for a negative population.
    public init(id: String, name: String, localName: String? = nil,
                ecosystemAreas: [EcosystemType: Quantity<Area>], population: Double? = nil) throws {
        try self.init(id: id, name: name, localName: localName, ecosystemAreas: ecosystemAreas, types: ecosystemAreas.keys.sorted(),
                      population: population)
    }

    /// A unit whose maker has its types in declaration order already, `types` being exactly the keys of
    /// `ecosystemAreas` sorted: the units of a table split from one set of shares share one list instead of sorting
    /// and storing their own.
    package init(id: String, name: String, localName: String?, ecosystemAreas: [EcosystemType: Quantity<Area>],
                 types: [EcosystemType], population: Double?) throws {
        assert(types == ecosystemAreas.keys.sorted(), "types are the sorted keys of the areas")
        // The first bad type in declaration order, so the message does not depend on the dictionary's order; sorted
        // only when there is one (sorting every unit's areas was a visible share of an account of 10⁵ units).
        if let (type, area) = ecosystemAreas.lazy.filter({ !($0.value.baseValue >= 0 && $0.value.baseValue.isFinite) }).min(by: { $0.key < $1.key }) {
            throw InputError.negativeArea(unit: id, ecosystemType: type.rawValue, squareMetres: area.baseValue)
        }
        if let population, !(population >= 0 && population.isFinite) {
            throw InputError.outOfRange(input: "population", service: nil, unit: id,
                                        value: population, expected: "a non-negative number of people")
        }
        self.init(checked: id, name: name, localName: localName, ecosystemAreas: ecosystemAreas, types: types, population: population)
    }

    private init(checked id: String, name: String, localName: String?, ecosystemAreas: [EcosystemType: Quantity<Area>],
                 types: [EcosystemType], population: Double?) {
        self.id = id
        self.name = name
        self.localName = localName
        self.ecosystemAreas = ecosystemAreas
        self.population = population
        // Sorted and summed once: reports and batches ask for them for every unit, and sorting each time was a
        // visible share of an account of 10⁵ units.
        ecosystemTypes = types
        totalArea = ecosystemTypes.sum { ecosystemAreas[$0] ?? .zero }
        // Found once: batching asks every unit of a large table for them.
        let positive = { (type: EcosystemType) in (ecosystemAreas[type]?.baseValue ?? 0) > 0 }
        positiveTypes = types.allSatisfy(positive) ? types : types.filter(positive)
    }

    /// The area of one ecosystem type, zero when the unit has none.
    public func area(of type: EcosystemType) -> Quantity<Area> { ecosystemAreas[type] ?? .zero }
}

extension AccountingUnit {
    /// The ecosystem types present with a positive area whose group is one of `groups`, in declaration order.
    public func types(in groups: Set<EcosystemGroup>) -> [EcosystemType] {
        positiveTypes.filter { groups.contains($0.group) }
    }

    /// The ecosystem types present with a positive area, except those whose group is in `excluded`: the stored list
    /// itself, not a filtered copy, when nothing is left out (batching asks this of every unit of a large table).
    public func types(excluding excluded: Set<EcosystemGroup>) -> [EcosystemType] {
        guard !excluded.isEmpty, positiveTypes.contains(where: { excluded.contains($0.group) }) else { return positiveTypes }
        return positiveTypes.filter { !excluded.contains($0.group) }
    }
}

extension Set where Element == EcosystemGroup {
    /// Forest, shrubland, grassland, wetland and cropland: the groups with living vegetation.
    public static let vegetated: Set<EcosystemGroup> = Set(EcosystemGroup.allCases.filter(\.isVegetated))
    /// Open water and marsh: where water-surface evaporation and wetland purification happen.
    public static let wetAndWater: Set<EcosystemGroup> = [.wetland, .water]
}
