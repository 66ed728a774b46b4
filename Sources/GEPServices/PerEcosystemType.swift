import Foundation
import GEPCore

/// A quantity summed over ecosystem types, keeping each type's share for the result's breakdown.
struct PerEcosystemType<D: PhysicalDimension> {
    /// Each type's amount.
    private(set) var byType: [EcosystemType: Quantity<D>] = [:]

    /// The amounts for `types`, one call of `amount` per type.
    init(_ types: [EcosystemType], _ amount: (EcosystemType) throws -> Quantity<D>) rethrows {
        for type in types { byType[type] = try amount(type) }
    }

    /// The sum over types, added in declaration order so that the last digit does not depend on the dictionary's
    /// per-process hash seed.
    var total: Quantity<D> { byType.sorted { $0.key < $1.key }.sum { $0.value } }

    /// Each type's amount transformed, e.g. t C into t CO₂.
    func map<E>(_ transform: (Quantity<D>) -> Quantity<E>) -> [EcosystemType: Quantity<E>] {
        byType.mapValues(transform)
    }
}
