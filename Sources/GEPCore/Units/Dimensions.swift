/// Land or water surface. Base unit: m².
///
/// 亩 (mu) is the Chinese market unit used in the seeds' grassland and forest figures: 1 亩 = 1/15 ha ≈ 666.67 m²,
/// the conversion used in Chinese land statistics; 万亩 is 10⁴ 亩 = 666.67 ha.
public enum Area: PhysicalDimension {
    public static let name = "area"
    public static let units: [MeasurementUnit<Area>] = [
        MeasurementUnit(symbol: "m²", baseUnitsPerUnit: 1, aliases: ["平方米"]),
        MeasurementUnit(symbol: "ha", baseUnitsPerUnit: 1e4, aliases: ["hm²", "公顷"]),
        MeasurementUnit(symbol: "km²", baseUnitsPerUnit: 1e6, aliases: ["平方公里", "平方千米"]),
        MeasurementUnit(symbol: "亩", baseUnitsPerUnit: 1e4 / 15, aliases: ["mu"]),
        MeasurementUnit(symbol: "万亩", baseUnitsPerUnit: 1e8 / 15, aliases: ["10^4 mu"]),
    ]
}

extension MeasurementUnit where Dimension == Area {
    public static var squareMetre: Self { Area.units[0] }
    public static var hectare: Self { Area.units[1] }
    public static var squareKilometre: Self { Area.units[2] }
    public static var mu: Self { Area.units[3] }
    public static var tenThousandMu: Self { Area.units[4] }
}

/// A volume of water, sediment or gas. Base unit: m³.
public enum Volume: PhysicalDimension {
    public static let name = "volume"
    public static let units: [MeasurementUnit<Volume>] = [
        MeasurementUnit(symbol: "m³", baseUnitsPerUnit: 1, aliases: ["立方米", "方"]),
        MeasurementUnit(symbol: "万m³", baseUnitsPerUnit: 1e4, aliases: ["万立方米", "10^4 m³"]),
        MeasurementUnit(symbol: "亿m³", baseUnitsPerUnit: 1e8, aliases: ["亿立方米", "10^8 m³"]),
    ]
}

extension MeasurementUnit where Dimension == Volume {
    public static var cubicMetre: Self { Volume.units[0] }
    public static var tenThousandCubicMetres: Self { Volume.units[1] }
    public static var hundredMillionCubicMetres: Self { Volume.units[2] }
}

/// Mass of carbon, CO₂, O₂, soil, sand or pollutants. Base unit: t (metric tonne).
public enum Mass: PhysicalDimension {
    public static let name = "mass"
    public static let units: [MeasurementUnit<Mass>] = [
        MeasurementUnit(symbol: "t", baseUnitsPerUnit: 1, aliases: ["tonne", "吨"]),
        MeasurementUnit(symbol: "万t", baseUnitsPerUnit: 1e4, aliases: ["万吨", "10^4 t"]),
        MeasurementUnit(symbol: "kg", baseUnitsPerUnit: 1e-3, aliases: ["千克", "公斤"]),
    ]
}

extension MeasurementUnit where Dimension == Mass {
    public static var tonne: Self { Mass.units[0] }
    public static var tenThousandTonnes: Self { Mass.units[1] }
    public static var kilogram: Self { Mass.units[2] }
}

/// A length: a depth of water over a surface (precipitation, runoff, evapotranspiration), a sand-cover depth, a
/// downwind distance. Base unit: m.
///
/// Annual flows (precipitation per year) are written "mm/a"; GEP accounts are annual, so the per-year rate and the
/// year's depth are the same number and share this dimension.
public enum Length: PhysicalDimension {
    public static let name = "length"
    public static let units: [MeasurementUnit<Length>] = [
        MeasurementUnit(symbol: "m", baseUnitsPerUnit: 1, aliases: ["m/a", "米"]),
        MeasurementUnit(symbol: "mm", baseUnitsPerUnit: 1e-3, aliases: ["mm/a", "mm/yr", "mm/year", "毫米"]),
        MeasurementUnit(symbol: "cm", baseUnitsPerUnit: 1e-2, aliases: ["厘米"]),
        MeasurementUnit(symbol: "km", baseUnitsPerUnit: 1e3, aliases: ["公里", "千米"]),
    ]
}

/// Depths of water are lengths; the name reads better in water-balance code.
public typealias Depth = Length

extension MeasurementUnit where Dimension == Length {
    public static var metre: Self { Length.units[0] }
    public static var millimetre: Self { Length.units[1] }
    public static var centimetre: Self { Length.units[2] }
    public static var kilometre: Self { Length.units[3] }
}

/// Energy (evapotranspiration's cooling, electricity equivalents). Base unit: kWh.
public enum Energy: PhysicalDimension {
    public static let name = "energy"
    public static let units: [MeasurementUnit<Energy>] = [
        MeasurementUnit(symbol: "kWh", baseUnitsPerUnit: 1, aliases: ["度", "千瓦时"]),
        MeasurementUnit(symbol: "kJ", baseUnitsPerUnit: 1 / 3600, aliases: ["千焦"]),
        MeasurementUnit(symbol: "亿kWh", baseUnitsPerUnit: 1e8, aliases: ["亿千瓦时"]),
    ]
}

extension MeasurementUnit where Dimension == Energy {
    public static var kilowattHour: Self { Energy.units[0] }
    public static var kilojoule: Self { Energy.units[1] }
    public static var hundredMillionKilowattHours: Self { Energy.units[2] }
}

/// A count of visits, people or animals (head). Base unit: one (a visit, 人次).
public enum Count: PhysicalDimension {
    public static let name = "count"
    public static let units: [MeasurementUnit<Count>] = [
        MeasurementUnit(symbol: "visit", baseUnitsPerUnit: 1, aliases: ["visits", "person-time", "人次", "人", "person", "persons", "head", "头"]),
        MeasurementUnit(symbol: "万人次", baseUnitsPerUnit: 1e4, aliases: ["万人", "10^4 visits"]),
    ]
}

extension MeasurementUnit where Dimension == Count {
    public static var visit: Self { Count.units[0] }
    public static var tenThousandVisits: Self { Count.units[1] }
}

/// A pure number: a coefficient, a share or a cover fraction. Base unit: 1 (a fraction, not a percentage).
public enum Ratio: PhysicalDimension {
    public static let name = "ratio"
    public static let units: [MeasurementUnit<Ratio>] = [
        MeasurementUnit(symbol: "1", baseUnitsPerUnit: 1, aliases: ["", "fraction", "ratio", "-"]),
        MeasurementUnit(symbol: "%", baseUnitsPerUnit: 0.01, aliases: ["percent", "pct"]),
    ]
}

extension MeasurementUnit where Dimension == Ratio {
    public static var one: Self { Ratio.units[0] }
    public static var percent: Self { Ratio.units[1] }
}
