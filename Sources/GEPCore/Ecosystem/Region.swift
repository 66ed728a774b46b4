/// A region and the accounting units it is divided into, for one accounting year.
public struct Region: Sendable, Hashable, Identifiable {
    /// A stable identifier, e.g. "genhe".
    public let id: String
    /// The display name, e.g. "Genhe".
    public let name: String
    /// The name in Chinese, e.g. "根河市".
    public let localName: String?
    /// The accounting units, in the order reports list them.
    public let units: [AccountingUnit]

    /// - Throws: ``InputError/duplicateUnit(_:region:)`` when two units share an id.
    public init(id: String, name: String, localName: String? = nil, units: [AccountingUnit]) throws {
        var seen = Set<String>(minimumCapacity: units.count)
        for unit in units where !seen.insert(unit.id).inserted {
            throw InputError.duplicateUnit(unit.id, region: id)
        }
        self.id = id
        self.name = name
        self.localName = localName
        self.units = units
    }

    /// The region's total area over all units.
    public var totalArea: Quantity<Area> { units.sum(of: \.totalArea) }
}
