import Accounts
import Foundation
import GEPCore
import GEPServices
import Testing

/// Provenance for test values: made up for the arithmetic, and said so.
let fixture = try! Provenance(source: "test fixture", status: .assumed, note: "chosen to make the arithmetic easy to follow")

func km2(_ value: Double) -> Quantity<Area> { Quantity(value, .squareKilometre) }

/// A carbon-sink (NEP) model of two units, a and b, with the given areas in km² and NEP in g C/m² by type; the
/// carbon price is 100 元/t CO₂ at 2021 prices and the deflator's index is 100 in 2021 and 102 in 2022.
func carbonModel(year: Int, a: [EcosystemType: Double], b: [EcosystemType: Double], nep: [EcosystemType: Double]) throws -> RegionModel {
    let units = try [("a", a), ("b", b)].map { id, areas in
        try AccountingUnit(id: id, name: id, ecosystemAreas: areas.mapValues(km2))
    }
    return RegionModel(
        region: try Region(id: "test", name: "Test", units: units), year: year, reportYear: year,
        services: [.init("carbon-sink", method: "nep")],
        regionInputs: Inputs([Input("nep", .byEcosystemType(nep.mapValues { Measure($0, "gC/m²") }), provenance: fixture)]),
        prices: PriceBook(name: "test", prices: [Price("carbon-price", 100, per: "t", priceYear: 2021, provenance: fixture)]),
        deflator: try Deflator(name: "test index", indexByYear: [2021: 100, 2022: 102], provenance: fixture))
}

/// Relative closeness, for values whose scale varies.
func expectRelative(_ actual: Double, _ expected: Double, _ tolerance: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation) {
    let scale = max(abs(actual), abs(expected))
    #expect(scale == 0 || abs(actual - expected) / scale <= tolerance, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
}
