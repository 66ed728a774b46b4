import GEPCore

/// Water conservation (水源涵养): the precipitation an ecosystem keeps rather than losing it to storm runoff or
/// evapotranspiration, valued at what reservoir storage of the same volume would cost.
///
/// The formula, its variables, domain rules and sources are documented once, on ``WaterConservationKernel``; this
/// adapter reads the inputs of each ecosystem type, calls the kernel for every cell of a batch and builds the valued line.
public struct WaterConservation: BatchAssessable {
    /// The inputs and prices, each named once with its dimension.
    public enum Keys {
        public static let precipitation = InputKey<Length>("precipitation")
        public static let evapotranspiration = InputKey<Length>("evapotranspiration")
        public static let stormRunoff = InputKey<Length>("storm-runoff")
        public static let runoffCoefficient = InputKey<Ratio>("runoff-coefficient")
        /// Shared with flood regulation, which values storage at the same cost.
        public static let reservoirConstructionCost = PriceKey<Volume>("reservoir-construction-cost")
    }

    public enum Method: String, CaseIterable, Sendable {
        case waterBalance = "water-balance"
    }

    public let id: ServiceID = "water-conservation"
    public let name = "water conservation"
    public let localName = "水源涵养"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "m³"
    public let methods = [ServiceMethod(
        id: Method.waterBalance.rawValue,
        formula: WaterConservationKernel.formula,
        source: "GEP technical guideline (2020), water conservation; GB/T 38582-2020 water regulation; Garzê (生态学报 2017, 37(19)) §2.4.1",
        inputs: [
            InputRequirement(Keys.precipitation, "annual precipitation P (mm)", scope: .perEcosystemType),
            InputRequirement(Keys.evapotranspiration, "annual actual evapotranspiration ET (mm)", scope: .perEcosystemType),
            InputRequirement(Keys.stormRunoff, "annual storm runoff R (mm); if absent, R = P·α", scope: .perEcosystemType,
                             presence: .oneOf(alternatives: [Keys.runoffCoefficient.name])),
            InputRequirement(Keys.runoffCoefficient, "storm-runoff coefficient α (0–1), used when R is absent",
                             scope: .perEcosystemType, domain: .fraction, presence: .oneOf(alternatives: [Keys.stormRunoff.name])),
        ],
        prices: [PriceRequirement(Keys.reservoirConstructionCost, "reservoir construction cost per m³ of storage C_res")]
    )]

    public init() {}

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        let types = batch.types(excluding: [])
        var retained = BatchBreakdown<Volume>(batch, types: types)
        var warnings: [Int: [WarningText]] = [:]
        for (column, t) in types.enumerated() {
            let type = batch.types[t]
            let precipitation = try inputs.column(Keys.precipitation, for: type)
            let evapotranspiration = try inputs.column(Keys.evapotranspiration, for: type)
            let runoff: BatchColumn<WaterConservationKernel.StormRunoff> = inputs.has(Keys.stormRunoff)
                ? try inputs.column(Keys.stormRunoff, for: type).map { .depth($0) }
                : try inputs.ratios(Keys.runoffCoefficient, for: type).map { .coefficient($0) }
            let inflowFed = [.water, .wetland].contains(type.group)
            for cell in 0..<batch.count {
                do {
                    let output = try WaterConservationKernel.retained(
                        precipitation: precipitation[cell], stormRunoff: runoff[cell], evapotranspiration: evapotranspiration[cell],
                        area: batch.area(cell: cell, type: t), inflowFed: inflowFed)
                    if let warning = output.warning { warnings[cell, default: []].append(WarningText { "\(type.rawValue): \(warning)" }) }
                    retained[cell, column] = output.value
                } catch { throw inputs.error(error, cell: cell, for: type) }
            }
        }
        let price = try prices.unitPrice(Keys.reservoirConstructionCost)
        let line = BatchLine(id: "water-retained", label: "water retained", amounts: retained, price: price,
                             priceKey: Keys.reservoirConstructionCost.name)
        return BatchResult(physical: retained, in: .cubicMetre, lines: [line], warnings: warnings)
    }
}
