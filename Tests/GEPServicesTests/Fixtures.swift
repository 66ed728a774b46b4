import Foundation
import GEPCore
import Testing

/// Provenance for test inputs: made up for the arithmetic, and said so.
let fixture = try! Provenance(source: "test fixture", status: .assumed, note: "chosen to make the arithmetic easy to follow")

/// An accounting unit with the given areas in km².
func unit(_ areas: [EcosystemType: Double], id: String = "test-unit") -> AccountingUnit {
    try! AccountingUnit(id: id, name: id, ecosystemAreas: areas.mapValues { Quantity($0, .squareKilometre) })
}

/// A single-valued input.
func single(_ key: String, _ value: Double, _ unit: String, year: Int? = nil) -> Input {
    let provenance = year.map { try! Provenance(source: "test fixture", year: $0, status: .published) } ?? fixture
    return Input(key, .single(Measure(value, unit)), provenance: provenance)
}

/// An input given per ecosystem type.
func byType(_ key: String, _ values: [EcosystemType: Double], _ unit: String) -> Input {
    Input(key, .byEcosystemType(values.mapValues { Measure($0, unit) }), provenance: fixture)
}

/// A price per unit at 2010 prices unless stated.
func price(_ key: String, _ amount: Double, per unit: String, year: Int = 2010) -> Price {
    Price(key, amount, per: unit, priceYear: year, provenance: fixture)
}

/// Relative closeness, for values whose scale varies.
func expectRelative(_ actual: Double, _ expected: Double, _ tolerance: Double = 1e-12,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let scale = max(abs(actual), abs(expected))
    #expect(scale == 0 || abs(actual - expected) / scale <= tolerance, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
}

/// Rounds to `digits` significant figures, to compare with published tables. Powers of ten up to 10²² are exact
/// doubles, so the division or multiplication by one is correctly rounded.
func significant(_ value: Double, _ digits: Int) -> Double {
    guard value != 0 else { return 0 }
    let exponent = digits - 1 - Int(floor(log10(abs(value))))
    let scale = pow(10.0, Double(abs(exponent)))
    return exponent >= 0 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
}

/// Evaluates `service`, expects an ``InputError``, and returns its message.
func inputErrorMessage(_ service: any EcosystemService, _ unit: AccountingUnit, method: String? = nil,
                       _ inputs: Inputs, _ prices: PriceBook, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let error = #expect(throws: InputError.self, sourceLocation: sourceLocation) {
        try service.evaluate(unit, method: method, inputs: inputs, prices: prices)
    }
    return error.map { String(describing: $0) } ?? ""
}

/// Replaces (or adds) one input.
func replacing(_ inputs: Inputs, _ input: Input) -> Inputs {
    var copy = inputs
    copy.set(input)
    return copy
}

/// Drops one input.
func removing(_ inputs: Inputs, _ key: String) -> Inputs {
    Inputs(inputs.all.filter { $0.key != key })
}
