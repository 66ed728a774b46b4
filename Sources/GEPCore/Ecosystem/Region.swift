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
    /// Each unit's position in ``units``, by id: found once here for everything that looks units up by id (a
    /// compensation file's indicators, a table's rows), since a region can have 10⁵ of them.
    private let positions: [String: Int]

    /// - Throws: ``InputError/duplicateUnit(_:region:)`` when two units share an id.
    public init(id: String, name: String, localName: String? = nil, units: [AccountingUnit]) throws {
        var positions = [String: Int](minimumCapacity: units.count)
        for (position, unit) in units.enumerated() where positions.updateValue(position, forKey: unit.id) != nil {
            throw InputError.duplicateUnit(unit.id, region: id)
        }
        self.id = id
        self.name = name
        self.localName = localName
        self.units = units
        self.positions = positions
    }

    /// The position in ``units`` of the unit with this id, if there is one.
    public func position(of unitID: String) -> Int? { positions[unitID] }

    /// The region's total area over all units.
    public var totalArea: Quantity<Area> { units.sum(of: \.totalArea) }
}
