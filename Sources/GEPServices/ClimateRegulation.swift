import GEPCore

/// Climate regulation (气候调节): the cooling and humidifying done by plant transpiration and water-surface
/// evaporation, valued at the electricity air conditioners and humidifiers would use to do the same.
///
/// The formula, its variables and sources are documented once, on ``ClimateRegulationKernel``. The water-surface
/// inputs are needed only when the unit has open water or marsh.
public struct ClimateRegulation: EcosystemService {
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

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let days = try inputs.quantity(Keys.coolingDays)
        let efficiency = try inputs.ratio(Keys.airConditionerEfficiency)
        let cooling = try PerEcosystemType(unit.types(in: [.forest, .shrubland, .grassland])) { type in
            ClimateRegulationKernel.transpirationCooling(heat: try inputs.quantity(Keys.transpirationHeat, for: type),
                                                         area: unit.area(of: type), days: days, efficiency: efficiency)
        }
        let humidifying = try PerEcosystemType(unit.types(in: .wetAndWater)) { type in
            ClimateRegulationKernel.evaporationCooling(depth: try inputs.quantity(Keys.waterSurfaceEvaporation, for: type),
                                                       area: unit.area(of: type),
                                                       humidifier: try inputs.quantity(Keys.humidifierEnergy))
        }
        let price = try prices.unitPrice(Keys.electricityPrice)
        let lines = [
            ValuedLine(id: "transpiration-cooling", label: "transpiration cooling and humidifying", quantity: cooling.total,
                       byEcosystemType: cooling.byType, price: price, priceKey: Keys.electricityPrice.name),
            ValuedLine(id: "evaporation-cooling", label: "water-surface evaporation cooling and humidifying", quantity: humidifying.total,
                       byEcosystemType: humidifying.byType, price: price, priceKey: Keys.electricityPrice.name),
        ]
        let byType = cooling.byType.merging(humidifying.byType, uniquingKeysWith: +)
        return result(for: unit, method: method,
                      physical: PhysicalAmount(cooling.total + humidifying.total, in: .kilowattHour, byEcosystemType: byType),
                      lines: lines)
    }
}
