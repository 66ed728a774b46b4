/// Where each unit's ecosystem areas come from: one record per unit (a model file's `units:` list), or one shared
/// by every unit (a units table, a land-cover raster). Shared, it is held once rather than once for each of 10⁵
/// units.
public struct AreaProvenance: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private let byUnit: [String: Provenance]
    private let shared: Provenance?

    /// A record for each unit id; a unit without one has none.
    public init(byUnit: [String: Provenance]) {
        self.byUnit = byUnit
        shared = nil
    }

    public init(dictionaryLiteral elements: (String, Provenance)...) {
        self.init(byUnit: Dictionary(elements) { _, last in last })
    }

    /// The same record for every unit.
    public static func shared(_ provenance: Provenance) -> AreaProvenance { AreaProvenance(shared: provenance) }

    private init(shared: Provenance) {
        byUnit = [:]
        self.shared = shared
    }

    /// The record of the unit with this id: its own, else the shared one, else none.
    public subscript(unitID: String) -> Provenance? { byUnit[unitID] ?? shared }
}
