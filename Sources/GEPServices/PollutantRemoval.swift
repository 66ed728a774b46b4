import GEPCore

/// One pollutant an ecosystem removes: the input holding the removal rate per area, the optional input holding the
/// amount emitted (the cap), and the price of treating it by other means.
struct Pollutant {
    /// Line id and label, e.g. "so2" and "SO₂ absorbed".
    let id: String
    let label: String
    /// Removal rate per area and ecosystem type (t/km², kg/ha, ...).
    let rate: InputKey<ArealMass>
    /// Total emitted or discharged in the unit, which removal cannot exceed.
    let cap: InputKey<Mass>
    /// Treatment cost per mass.
    let price: PriceKey<Mass>

    init(id: String, label: String, rate: String, cap: String, price: String) {
        self.id = id
        self.label = label
        self.rate = InputKey(rate)
        self.cap = InputKey(cap)
        self.price = PriceKey(price)
    }

    var requirements: [InputRequirement] {
        [InputRequirement(rate, "\(label) per area and year", scope: .perEcosystemType),
         InputRequirement(cap, "total \(id) emitted or discharged in the unit (caps removal)", presence: .optional)]
    }

    var priceRequirement: PriceRequirement { PriceRequirement(price, "treatment cost per t of \(id)") }
}

/// The adapter shared by air and water purification: reads each pollutant's rates and cap, calls
/// ``PollutantRemovalKernel`` and builds one line per pollutant.
enum PollutantRemoval {
    /// One valued line per pollutant, the total mass removed and the warnings.
    ///
    /// The total adds the typed masses, whatever unit each price is quoted per: SO₂ priced per kg and per t gives the
    /// same physical amount.
    static func lines(_ pollutants: [Pollutant], types: [EcosystemType], unit: AccountingUnit, inputs: InputReader,
                      prices: PriceBook) throws -> (lines: [ValuedLine], total: Quantity<Mass>, warnings: [String]) {
        var warnings: [String] = []
        var lines: [ValuedLine] = []
        var total = Quantity<Mass>.zero
        for pollutant in pollutants {
            let uptake = try PerEcosystemType(types) { type in
                PollutantRemovalKernel.uptake(area: unit.area(of: type), rate: try inputs.quantity(pollutant.rate, for: type))
            }
            let emitted = inputs.has(pollutant.cap) ? try inputs.quantity(pollutant.cap) : nil
            if emitted == nil {
                warnings.append("\(pollutant.id): no \(pollutant.cap) given, so removal is not capped at emissions")
            }
            let removed = PollutantRemovalKernel.removed(uptake: uptake.total, emitted: emitted)
            if let warning = removed.warning { warnings.append("\(pollutant.id): \(warning)") }
            total += removed.value
            lines.append(ValuedLine(id: pollutant.id, label: pollutant.label, quantity: removed.value,
                                    price: try prices.unitPrice(pollutant.price), priceKey: pollutant.price.name))
        }
        return (lines, total, warnings)
    }
}
