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

/// The batch adapter shared by air and water purification: reads each pollutant's rates and cap, calls
/// ``PollutantRemovalKernel`` for every cell and builds one line per pollutant.
enum PollutantRemoval {
    /// One valued line per pollutant, the total mass removed and the warnings, for every cell of `batch`, over the
    /// ecosystem types at `types` (positions in the batch's types).
    ///
    /// The total adds the typed masses, whatever unit each price is quoted per: SO₂ priced per kg and per t gives the
    /// same physical amount.
    static func result(_ pollutants: [Pollutant], types: [Int], batch: CellBatch, inputs: BatchReader,
                       prices: PriceBook) throws -> BatchResult {
        var warnings: [Int: [WarningText]] = [:]
        var lines: [BatchLine] = []
        var total = [Quantity<Mass>](repeating: .zero, count: batch.count)
        for pollutant in pollutants {
            var uptake = BatchBreakdown<Mass>(batch, types: types)
            for (column, t) in types.enumerated() {
                let rate = try inputs.column(pollutant.rate, for: batch.types[t])
                for cell in 0..<batch.count {
                    uptake[cell, column] = PollutantRemovalKernel.uptake(area: batch.area(cell: cell, type: t), rate: rate[cell])
                }
            }
            let emitted = inputs.has(pollutant.cap) ? try inputs.column(pollutant.cap) : nil
            let uptakes = uptake.totals
            var removed = [Quantity<Mass>](repeating: .zero, count: batch.count)
            let uncapped: WarningText = "\(pollutant.id): no \(pollutant.cap) given, so removal is not capped at emissions"
            for cell in 0..<batch.count {
                if emitted == nil { warnings[cell, default: []].append(uncapped) }
                let output = PollutantRemovalKernel.removed(uptake: uptakes[cell], emitted: emitted?[cell])
                if let warning = output.warning { warnings[cell, default: []].append(WarningText { "\(pollutant.id): \(warning)" }) }
                removed[cell] = output.value
                total[cell] += output.value
            }
            lines.append(BatchLine(id: pollutant.id, label: pollutant.label, quantities: removed,
                                   price: try prices.unitPrice(pollutant.price), priceKey: pollutant.price.name))
        }
        return BatchResult(physical: total, in: .tonne, lines: lines, warnings: warnings)
    }
}