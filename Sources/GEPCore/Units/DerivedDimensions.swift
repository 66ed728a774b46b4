/// Dimensions of the coefficients in the GEP formulas: rates per area, densities, RWEQ and RUSLE factors.
///
/// Each is a distinct type so that, say, a soil bulk density cannot be passed where a carbon flux is expected.
/// Base units are chosen so that the products in `Quantity+Products.swift` need no conversion factor except where
/// noted there.

/// Mass per area: NEP and NPP (t C/ha), soil loss (t/ha), pollutant uptake (t/km²). Base unit: t/m².
public enum ArealMass: PhysicalDimension {
    public static let name = "mass per area"
    public static let units: [MeasurementUnit<ArealMass>] = [
        MeasurementUnit(symbol: "t/m²", baseUnitsPerUnit: 1),
        MeasurementUnit(symbol: "t/ha", baseUnitsPerUnit: 1e-4, aliases: ["t/hm²", "t hm-2", "t ha-1", "tC/ha", "t C/ha"]),
        MeasurementUnit(symbol: "t/km²", baseUnitsPerUnit: 1e-6, aliases: ["t km-2"]),
        MeasurementUnit(symbol: "kg/m²", baseUnitsPerUnit: 1e-3, aliases: ["kg m-2"]),
        MeasurementUnit(symbol: "kg/ha", baseUnitsPerUnit: 1e-7, aliases: ["kg/hm²", "kg hm-2", "kg ha-1"]),
        MeasurementUnit(symbol: "g/m²", baseUnitsPerUnit: 1e-6, aliases: ["g m-2", "gC/m²", "g C/m²", "gc m-2", "g c m-2"]),
    ]
}

extension MeasurementUnit where Dimension == ArealMass {
    public static var tonnePerSquareMetre: Self { ArealMass.units[0] }
    public static var tonnePerHectare: Self { ArealMass.units[1] }
    public static var tonnePerSquareKilometre: Self { ArealMass.units[2] }
    public static var kilogramPerSquareMetre: Self { ArealMass.units[3] }
    public static var kilogramPerHectare: Self { ArealMass.units[4] }
    public static var gramPerSquareMetre: Self { ArealMass.units[5] }
}

/// Timber volume per area, as forest inventories give growing stock and its increment. Base unit: m³/m².
public enum VolumePerArea: PhysicalDimension {
    public static let name = "volume per area"
    public static let units: [MeasurementUnit<VolumePerArea>] = [
        MeasurementUnit(symbol: "m³/m²", baseUnitsPerUnit: 1),
        MeasurementUnit(symbol: "m³/ha", baseUnitsPerUnit: 1e-4, aliases: ["m³/hm²", "m3 hm-2", "m3 ha-1"]),
    ]
}

extension MeasurementUnit where Dimension == VolumePerArea {
    public static var cubicMetrePerHectare: Self { VolumePerArea.units[1] }
}

/// Mass per volume: soil and sand bulk density, basic wood density. Base unit: t/m³ (= g/cm³).
public enum Density: PhysicalDimension {
    public static let name = "density"
    public static let units: [MeasurementUnit<Density>] = [
        MeasurementUnit(symbol: "t/m³", baseUnitsPerUnit: 1, aliases: ["g/cm³", "t m-3", "g cm-3"]),
        MeasurementUnit(symbol: "kg/m³", baseUnitsPerUnit: 1e-3, aliases: ["kg m-3"]),
    ]
}

extension MeasurementUnit where Dimension == Density {
    public static var tonnePerCubicMetre: Self { Density.units[0] }
    public static var kilogramPerCubicMetre: Self { Density.units[1] }
}

/// Mass per unit width of field: RWEQ's weather factor WF and maximum transport capacity Q_max. Base unit: kg/m.
public enum MassPerLength: PhysicalDimension {
    public static let name = "mass per length"
    public static let units: [MeasurementUnit<MassPerLength>] = [
        MeasurementUnit(symbol: "kg/m", baseUnitsPerUnit: 1, aliases: ["kg m-1"]),
    ]
}

extension MeasurementUnit where Dimension == MassPerLength {
    public static var kilogramPerMetre: Self { MassPerLength.units[0] }
}

/// RUSLE rainfall erosivity R. Base unit: MJ·mm·ha⁻¹·h⁻¹·a⁻¹ (SI, Renard et al. 1997, USDA Agriculture
/// Handbook 703). The US customary unit (hundreds of ft·tonf·in·ac⁻¹·h⁻¹·a⁻¹) converts by × 17.02 (AH 703, app. B).
public enum RainfallErosivity: PhysicalDimension {
    public static let name = "rainfall erosivity"
    public static let units: [MeasurementUnit<RainfallErosivity>] = [
        MeasurementUnit(symbol: "MJ·mm/(ha·h·a)", baseUnitsPerUnit: 1,
                        aliases: ["MJ·mm·ha⁻¹·h⁻¹·a⁻¹", "MJ mm ha-1 h-1 yr-1", "MJ·mm·hm⁻²·h⁻¹·a⁻¹"]),
        MeasurementUnit(symbol: "US R unit", baseUnitsPerUnit: 17.02, aliases: ["hundreds ft tonf in ac-1 h-1 yr-1"]),
    ]
}

/// RUSLE soil erodibility K. Base unit: t·ha·h·ha⁻¹·MJ⁻¹·mm⁻¹ (SI). The US customary unit
/// (t·ac·h·(100·ac·ft·tonf·in)⁻¹) converts by × 0.1317 (AH 703, app. B).
public enum SoilErodibility: PhysicalDimension {
    public static let name = "soil erodibility"
    public static let units: [MeasurementUnit<SoilErodibility>] = [
        MeasurementUnit(symbol: "t·ha·h/(ha·MJ·mm)", baseUnitsPerUnit: 1,
                        aliases: ["t·ha·h·ha⁻¹·MJ⁻¹·mm⁻¹", "t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹", "t h MJ-1 mm-1"]),
        MeasurementUnit(symbol: "US K unit", baseUnitsPerUnit: 0.1317, aliases: ["t ac h 100-1 ac-1 ft-1 tonf-1 in-1"]),
    ]
}

/// Energy absorbed per area and per day: the heat consumed by transpiration in the climate-regulation formula.
/// Base unit: kJ·m⁻²·d⁻¹. 1 W/m² sustained for a day is 86.4 kJ/m².
public enum ArealEnergyRate: PhysicalDimension {
    public static let name = "energy per area per day"
    public static let units: [MeasurementUnit<ArealEnergyRate>] = [
        MeasurementUnit(symbol: "kJ/(m²·d)", baseUnitsPerUnit: 1, aliases: ["kJ m-2 d-1", "kJ/m²/d"]),
        MeasurementUnit(symbol: "MJ/(m²·d)", baseUnitsPerUnit: 1e3, aliases: ["MJ m-2 d-1", "MJ/m²/d"]),
        MeasurementUnit(symbol: "W/m²", baseUnitsPerUnit: 86.4, aliases: ["W m-2"]),
    ]
}

/// A number of days (air-conditioning days in the climate-regulation formula). Base unit: d.
public enum Time: PhysicalDimension {
    public static let name = "time"
    public static let units: [MeasurementUnit<Time>] = [
        MeasurementUnit(symbol: "d", baseUnitsPerUnit: 1, aliases: ["day", "days", "天"]),
    ]
}

extension MeasurementUnit where Dimension == Time {
    public static var day: Self { Time.units[0] }
}

/// Electricity per volume: the humidifier energy to evaporate 1 m³ of water. Base unit: kWh/m³.
public enum EnergyPerVolume: PhysicalDimension {
    public static let name = "energy per volume"
    public static let units: [MeasurementUnit<EnergyPerVolume>] = [
        MeasurementUnit(symbol: "kWh/m³", baseUnitsPerUnit: 1, aliases: ["kWh m-3", "度/m³"]),
    ]
}

extension MeasurementUnit where Dimension == EnergyPerVolume {
    public static var kilowattHourPerCubicMetre: Self { EnergyPerVolume.units[0] }
}

/// An amount of yuan read from a file (tourism revenue, a product's market value), before it becomes ``Money``
/// with a price year. Base unit: 元.
public enum Currency: PhysicalDimension {
    public static let name = "money"
    public static let units: [MeasurementUnit<Currency>] = [
        MeasurementUnit(symbol: "元", baseUnitsPerUnit: 1, aliases: ["yuan", "cny", "rmb"]),
        MeasurementUnit(symbol: "万元", baseUnitsPerUnit: 1e4, aliases: ["wan yuan", "10^4 yuan", "10^4 元"]),
        MeasurementUnit(symbol: "亿元", baseUnitsPerUnit: 1e8, aliases: ["yi yuan", "10^8 yuan", "10^8 元"]),
    ]
}
