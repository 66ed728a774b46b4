import GEPCore

/// Climate regulation (气候调节): the cooling and humidifying done by plant transpiration and water-surface
/// evaporation, valued at the electricity air conditioners and humidifiers would use to do the same.
///
/// The formula, its variables and sources are documented once, on ``ClimateRegulationKernel``. The water-surface
/// inputs are needed only when the unit has open water or marsh.
public struct ClimateRegulation: BatchAssessable {
    /// The inputs and price, each named once with its dimension.
    public enum Keys {
        public static let transpirationHeat = InputKey<ArealEnergyRate>("transpiration-heat")
        public static let coolingDays = InputKey<Time>("cooling-days")
        public static let airConditionerEfficiency = InputKey<Ratio>("air-conditioner-efficiency")
        public static let waterSurfaceEvaporation = InputKey<Length>("water-surface-evaporation")
        public static let humidifierEnergy = InputKey<EnergyPerVolume>("humidifier-energy")
        public static let electricityPrice = PriceKey<Energy>("electricity-price")
    }

    public enum Method: String, CaseIterable, Sendable {
        case evapotranspirationEnergy = "evapotranspiration-energy"
    }

    public let id: ServiceID = "climate-regulation"
    public let name = "climate regulation"
    public let localName = "气候调节"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "kWh"
    public let methods = [ServiceMethod(
        id: Method.evapotranspirationEnergy.rawValue,
        formula: ClimateRegulationKernel.formula,
        source: "GEP technical guideline (2020), climate regulation; Garzê (生态学报 2017, 37(19)) §2.4.8",
        inputs: [
            InputRequirement(Keys.transpirationHeat, "heat consumed by transpiration EPP (kJ·m⁻²·d⁻¹), forest/shrub/grassland",
                             scope: .perEcosystemType),
            InputRequirement(Keys.coolingDays, "days air conditioning would run d", domain: .range(0...366)),
            InputRequirement(Keys.airConditionerEfficiency, "air conditioner energy-efficiency ratio r", domain: .positive),
            InputRequirement(Keys.waterSurfaceEvaporation, "annual evaporation from water surfaces (mm)", scope: .perEcosystemType,
                             presence: .requiredWhen(.hasGroup(.wetAndWater))),
            InputRequirement(Keys.humidifierEnergy, "humidifier electricity per m³ of water evaporated y (kWh/m³)",
                             presence: .requiredWhen(.hasGroup(.wetAndWater))),
        ],
        prices: [PriceRequirement(Keys.electricityPrice, "electricity price per kWh")]
    )]

    public init() {}

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        let days = try inputs.column(Keys.coolingDays)
        let efficiency = try inputs.ratios(Keys.airConditionerEfficiency)
        let vegetation = batch.types(in: [.forest, .shrubland, .grassland])
        var cooling = BatchBreakdown<Energy>(batch, types: vegetation)
        for (column, t) in vegetation.enumerated() {
            let heat = try inputs.column(Keys.transpirationHeat, for: batch.types[t])
            for cell in 0..<batch.count {
                cooling[cell, column] = ClimateRegulationKernel.transpirationCooling(
                    heat: heat[cell], area: batch.area(cell: cell, type: t), days: days[cell], efficiency: efficiency[cell])
            }
        }
        let water = batch.types(in: .wetAndWater)
        var humidifying = BatchBreakdown<Energy>(batch, types: water)
        for (column, t) in water.enumerated() {
            let depth = try inputs.column(Keys.waterSurfaceEvaporation, for: batch.types[t])
            let humidifier = try inputs.column(Keys.humidifierEnergy)
            for cell in 0..<batch.count {
                humidifying[cell, column] = ClimateRegulationKernel.evaporationCooling(
                    depth: depth[cell], area: batch.area(cell: cell, type: t), humidifier: humidifier[cell])
            }
        }
        let price = try prices.unitPrice(Keys.electricityPrice)
        let lines = [
            BatchLine(id: "transpiration-cooling", label: "transpiration cooling and humidifying", amounts: cooling, price: price,
                      priceKey: Keys.electricityPrice.name),
            BatchLine(id: "evaporation-cooling", label: "water-surface evaporation cooling and humidifying", amounts: humidifying,
                      price: price, priceKey: Keys.electricityPrice.name),
        ]
        let totals = zip(cooling.totals, humidifying.totals).map { $0 + $1 }
        return BatchResult(physical: cooling.joined(with: humidifying), totals: totals, in: .kilowattHour, lines: lines)
    }
}
