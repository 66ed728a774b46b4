import GEPCore

/// One pollutant an ecosystem removes: the input holding the removal rate per area, the optional input holding the
/// amount emitted (the cap), and the price of treating it by other means.
struct Pollutant {
    /// Line id and label, e.g. "so2" and "SO₂ absorbed".
    let id: String
    let label: String
    /// Removal rate per area and ecosystem type (t/km², kg/ha, ...).
    let rateInput: String
    /// Total emitted or discharged in the unit, which removal cannot exceed.
    let capInput: String
    /// Treatment cost per t.
    let priceKey: String

    var requirements: [InputRequirement] {
        [InputRequirement(rateInput, "\(label) per area and year", dimension: ArealMass.self, scope: .perEcosystemType),
         InputRequirement(capInput, "total \(id) emitted or discharged in the unit (caps removal)", dimension: Mass.self, isOptional: true)]
    }

    var price: PriceRequirement { PriceRequirement(priceKey, "treatment cost per t of \(id)", per: Mass.self) }
}

/// Pollutant removal by ecosystems, valued at treatment cost: Q_k = min(Σᵢ Aᵢ·r_k,i, E_k) and V = Σ_k Q_k·c_k.
///
/// Shared by air and water purification (GEP technical guideline 2020; Garzê 生态学报 2017, 37(19) §2.4.5–2.4.6).
/// An ecosystem cannot clean more than is emitted, so removal is capped at the emission or load when one is given;
/// when the cap binds, or when no emission figure is given, the result says so in a warning.
enum PollutantRemoval {
    static func lines(_ pollutants: [Pollutant], types: [EcosystemType], unit: AccountingUnit, inputs: InputReader,
                      prices: PriceBook) throws -> (lines: [ValuedLine], total: Quantity<Mass>, warnings: [String]) {
        var warnings: [String] = []
        var lines: [ValuedLine] = []
        for pollutant in pollutants {
            let uptake = try PerEcosystemType(types) { type in
                try inputs.quantity(pollutant.rateInput, ArealMass.self, for: type) * unit.area(of: type)
            }
            var removed = uptake.total
            if inputs.has(pollutant.capInput) {
                let cap = try inputs.quantity(pollutant.capInput, Mass.self)
                if removed > cap {
                    warnings.append("\(pollutant.id): uptake \(sixFigures(removed.value(in: .tonne))) t capped at the \(sixFigures(cap.value(in: .tonne))) t emitted")
                    removed = cap
                }
            } else {
                warnings.append("\(pollutant.id): no \(pollutant.capInput) given, so removal is not capped at emissions")
            }
            lines.append(ValuedLine(id: pollutant.id, label: pollutant.label, quantity: removed,
                                    price: try prices.unitPrice(pollutant.priceKey, Mass.self), priceKey: pollutant.priceKey))
        }
        let total = lines.reduce(Quantity<Mass>.zero) { $0 + Quantity($1.quantity.amount, .tonne) }
        return (lines, total, warnings)
    }
}
