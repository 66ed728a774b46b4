import GEPCore

/// Climate regulation for one ecosystem type or pixel: the cooling and humidifying done by plant transpiration and
/// water-surface evaporation, as the electricity air conditioners and humidifiers would use to do the same
/// (Garzê eqs. 12–13).
///
/// Formula (as `gep services show` prints it): E_pt = Σᵢ EPPᵢ·Sᵢ·d/(3600·r); E_we = E_w·ρ·q/3600 + E_w·y; V = (E_pt + E_we)·p_elec
///
/// - transpiration (forest, shrub, grassland): EPP the heat consumed by transpiration (kJ·m⁻²·d⁻¹), S the area
///   (m²), d the number of days air conditioning would run, r the air conditioner's energy-efficiency ratio (3 in
///   the guideline family); E_pt in kWh;
/// - water surfaces (lakes, rivers, reservoirs, marshes): E_w the volume evaporated (m³, evaporation depth × area),
///   ρ = 1000 kg/m³, q = 2450 kJ/kg the latent heat of vaporisation, y the humidifier's electricity per m³ of water
///   turned to vapour (kWh/m³); E_we in kWh;
/// - p_elec: the electricity price per kWh.
///
/// d must be set for the place: Genhe's mean annual temperature is −7 to −4 °C (《内蒙古自治区根河市国家生态文明建设
/// 示范市规划（2023-2035）》 l.13), and days taken from warmer regions overstate this service several-fold.
///
/// Sources: GEP technical guideline (2020), climate regulation; Garzê (生态学报 2017, 37(19)) §2.4.8.
public enum ClimateRegulationKernel {
    /// The formula as `gep services show` prints it; the doc comment above holds the same text.
    public static let formula = "E_pt = Σᵢ EPPᵢ·Sᵢ·d/(3600·r); E_we = E_w·ρ·q/3600 + E_w·y; V = (E_pt + E_we)·p_elec"

    /// Latent heat of vaporisation of water, q = 2450 kJ/kg (2450 J/g in the guideline family).
    public static let latentHeatKilojoulePerKilogram = 2450.0
    /// Density of water, 1000 kg/m³.
    public static let waterDensityKilogramPerCubicMetre = 1000.0

    /// EPP·S·d/(3600·r): the electricity an air conditioner of efficiency r would use to remove the heat that
    /// transpiration takes up over `area` in `days`.
    public static func transpirationCooling(heat: Quantity<ArealEnergyRate>, area: Quantity<Area>, days: Quantity<Time>,
                                            efficiency: Double) -> Quantity<Energy> {
        energy(heat, over: area, for: days) / efficiency
    }

    /// E_w·ρ·q/3600 + E_w·y for the water evaporated from `area` at `depth`.
    public static func evaporationCooling(depth: Quantity<Length>, area: Quantity<Area>,
                                          humidifier: Quantity<EnergyPerVolume>) -> Quantity<Energy> {
        evaporationEnergy(depth * area, humidifier: humidifier)
    }

    /// E_we = E_w·ρ·q/3600 + E_w·y: the latent heat of the evaporated water (kJ, converted to kWh) plus the
    /// humidifier electricity for the same volume.
    public static func evaporationEnergy(_ evaporated: Quantity<Volume>, humidifier: Quantity<EnergyPerVolume>) -> Quantity<Energy> {
        let latent = Quantity<Energy>(evaporated.value(in: .cubicMetre) * waterDensityKilogramPerCubicMetre
                                      * latentHeatKilojoulePerKilogram, .kilojoule)
        return latent + humidifier * evaporated
    }
}
