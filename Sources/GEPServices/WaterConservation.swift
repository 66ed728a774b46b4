import GEPCore

/// Water conservation (水源涵养): the precipitation an ecosystem keeps rather than losing it to storm runoff or
/// evapotranspiration, valued at what reservoir storage of the same volume would cost.
///
/// The formula, its variables, domain rules and sources are documented once, on ``WaterConservationKernel``; this
/// adapter reads the inputs of each ecosystem type, calls the kernel and builds the valued line.
public struct WaterConservation: EcosystemService {
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

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        var warnings: [String] = []
        let retained = try PerEcosystemType(unit.types(excluding: [])) { type -> Quantity<Volume> in
            let precipitation = try inputs.quantity(Keys.precipitation, for: type)
            let evapotranspiration = try inputs.quantity(Keys.evapotranspiration, for: type)
            let runoff: WaterConservationKernel.StormRunoff = inputs.has(Keys.stormRunoff)
                ? .depth(try inputs.quantity(Keys.stormRunoff, for: type))
                : .coefficient(try inputs.ratio(Keys.runoffCoefficient, for: type))
            do {
                let output = try WaterConservationKernel.retained(
                    precipitation: precipitation, stormRunoff: runoff, evapotranspiration: evapotranspiration,
                    area: unit.area(of: type), inflowFed: [.water, .wetland].contains(type.group))
                if let warning = output.warning { warnings.append("\(type.rawValue): \(warning)") }
                return output.value
            } catch let rejection as KernelRejection { throw inputs.error(rejection, for: type) }
        }
        let price = try prices.unitPrice(Keys.reservoirConstructionCost)
        let line = ValuedLine(id: "water-retained", label: "water retained", quantity: retained.total,
                              byEcosystemType: retained.byType, price: price, priceKey: Keys.reservoirConstructionCost.name)
        return result(for: unit, method: method,
                      physical: PhysicalAmount(retained.total, in: .cubicMetre, byEcosystemType: retained.byType),
                      lines: [line], warnings: warnings)
    }
}
