import GEPCore

/// Climate regulation (气候调节): the cooling and humidifying done by plant transpiration and water-surface
/// evaporation, valued at the electricity air conditioners and humidifiers would use to do the same.
///
/// Physical model (Garzê eqs. 12–13):
/// - transpiration (forest, shrub, grassland): E_pt = Σᵢ EPPᵢ · Sᵢ · d / (3600 · r) (kWh), with EPP the heat consumed
///   by transpiration (kJ·m⁻²·d⁻¹), S the area (m²), d the number of days air conditioning would run, and r the air
///   conditioner's energy-efficiency ratio (3 in the guideline family);
/// - water surfaces (lakes, rivers, reservoirs, marshes): E_we = E_w·ρ·q/3600 + E_w·y (kWh), with E_w the volume
///   evaporated (m³, evaporation depth × area), ρ = 1000 kg/m³, q = 2450 kJ/kg the latent heat of vaporisation,
///   and y the humidifier's electricity per m³ of water turned to vapour (kWh/m³).
///
/// Value: V = (E_pt + E_we) · p_elec.
///
/// d must be set for the place: Genhe's mean annual temperature is −7 to −4 °C (seed 002 l.13), and days taken
/// from warmer regions overstate this service several-fold.
///
/// Sources: GEP technical guideline (2020), climate regulation; Garzê (生态学报 2017, 37(19)) §2.4.8.
public struct ClimateRegulation: EcosystemService {
    public let id: ServiceID = "climate-regulation"
    public let name = "climate regulation"
    public let localName = "气候调节"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "kWh"
    public let methods = [ServiceMethod(
        id: "evapotranspiration-energy",
        formula: "E_pt = Σᵢ EPPᵢ·Sᵢ·d/(3600·r); E_we = E_w·ρ·q/3600 + E_w·y; V = (E_pt + E_we)·p_elec",
        source: "GEP technical guideline (2020), climate regulation; Garzê (生态学报 2017, 37(19)) §2.4.8",
        inputs: [
            InputRequirement("transpiration-heat", "heat consumed by transpiration EPP (kJ·m⁻²·d⁻¹), forest/shrub/grassland",
                             dimension: ArealEnergyRate.self, scope: .perEcosystemType),
            InputRequirement("cooling-days", "days air conditioning would run d", dimension: Time.self, domain: .range(0...366)),
            InputRequirement("air-conditioner-efficiency", "air conditioner energy-efficiency ratio r", dimension: Ratio.self, domain: .positive),
            InputRequirement("water-surface-evaporation", "annual evaporation from water surfaces (mm)", dimension: Length.self,
                             scope: .perEcosystemType, isOptional: true),
            InputRequirement("humidifier-energy", "humidifier electricity per m³ of water evaporated y (kWh/m³)",
                             dimension: EnergyPerVolume.self, isOptional: true),
        ],
        prices: [PriceRequirement("electricity-price", "electricity price per kWh", per: Energy.self)]
    )]

    /// Latent heat of vaporisation of water, q = 2450 kJ/kg (2450 J/g in the guideline family).
    public static let latentHeatKilojoulePerKilogram = 2450.0
    /// Density of water, 1000 kg/m³.
    public static let waterDensityKilogramPerCubicMetre = 1000.0

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let days = try inputs.quantity("cooling-days", Time.self)
        let efficiency = try inputs.ratio("air-conditioner-efficiency")
        let cooling = try PerEcosystemType(unit.types(in: [.forest, .shrubland, .grassland])) { type in
            energy(try inputs.quantity("transpiration-heat", ArealEnergyRate.self, for: type), over: unit.area(of: type), for: days)
                / efficiency
        }
        let waterTypes = unit.types(in: .wetAndWater)
        if !waterTypes.isEmpty {
            let missing = ["water-surface-evaporation", "humidifier-energy"].filter { !inputs.has($0) }
            if !missing.isEmpty { throw InputError.missing(inputs: missing, service: id.rawValue, unit: unit.id) }
        }
        let humidifying = try PerEcosystemType(waterTypes) { type in
            let evaporated = try inputs.quantity("water-surface-evaporation", Length.self, for: type) * unit.area(of: type)
            return ClimateRegulation.evaporationEnergy(evaporated, humidifier: try inputs.quantity("humidifier-energy", EnergyPerVolume.self))
        }
        let price = try prices.unitPrice("electricity-price", Energy.self)
        let lines = [
            ValuedLine(id: "transpiration-cooling", label: "transpiration cooling and humidifying", quantity: cooling.total,
                       byEcosystemType: cooling.byType, price: price, priceKey: "electricity-price"),
            ValuedLine(id: "evaporation-cooling", label: "water-surface evaporation cooling and humidifying", quantity: humidifying.total,
                       byEcosystemType: humidifying.byType, price: price, priceKey: "electricity-price"),
        ]
        let byType = cooling.byType.merging(humidifying.byType, uniquingKeysWith: +)
        return result(for: unit, method: method,
                      physical: PhysicalAmount(cooling.total + humidifying.total, in: .kilowattHour, byEcosystemType: byType),
                      lines: lines)
    }

    /// E_we = E_w·ρ·q/3600 + E_w·y: the latent heat of the evaporated water (kJ, converted to kWh) plus the
    /// humidifier electricity for the same volume.
    public static func evaporationEnergy(_ evaporated: Quantity<Volume>, humidifier: Quantity<EnergyPerVolume>) -> Quantity<Energy> {
        let latent = Quantity<Energy>(evaporated.value(in: .cubicMetre) * waterDensityKilogramPerCubicMetre
                                      * latentHeatKilojoulePerKilogram, .kilojoule)
        return latent + humidifier * evaporated
    }
}
