/// The products and quotients of quantities that the GEP formulas use, each giving the right dimension.

/// Depth × area = volume: 1 mm over 1 km² is 10⁻³ m × 10⁶ m² = 10³ m³ (the water-balance identity of the
/// GEP guideline's water-conservation formula, Q = Σ A·(P − R − ET)).
public func * (depth: Quantity<Depth>, area: Quantity<Area>) -> Quantity<Volume> {
    Quantity(baseValue: depth.baseValue * area.baseValue)
}

/// Area × depth = volume; see the depth-first form.
public func * (area: Quantity<Area>, depth: Quantity<Depth>) -> Quantity<Volume> { depth * area }

/// Volume ÷ area = depth.
public func / (volume: Quantity<Volume>, area: Quantity<Area>) -> Quantity<Depth> {
    Quantity(baseValue: volume.baseValue / area.baseValue)
}

/// Volume ÷ depth = area (for example sand mass turned to volume, spread at a reference depth).
public func / (volume: Quantity<Volume>, depth: Quantity<Depth>) -> Quantity<Area> {
    Quantity(baseValue: volume.baseValue / depth.baseValue)
}

extension Quantity where Dimension == Ratio {
    /// The ratio as a plain fraction (0.5 for 50 %).
    public var fraction: Double { baseValue }
}

/// Mass per area × area = mass (NEP in t C/ha over a forest's hectares gives t C).
public func * (density: Quantity<ArealMass>, area: Quantity<Area>) -> Quantity<Mass> {
    Quantity(baseValue: density.baseValue * area.baseValue)
}

/// Volume per area × area = volume (stock increment in m³/ha over a stand gives m³).
public func * (perArea: Quantity<VolumePerArea>, area: Quantity<Area>) -> Quantity<Volume> {
    Quantity(baseValue: perArea.baseValue * area.baseValue)
}

/// Density × volume = mass (wood density × stem volume; soil bulk density × soil volume).
public func * (density: Quantity<Density>, volume: Quantity<Volume>) -> Quantity<Mass> {
    Quantity(baseValue: density.baseValue * volume.baseValue)
}

/// Mass ÷ density = volume (soil retained turned into sediment volume).
public func / (mass: Quantity<Mass>, density: Quantity<Density>) -> Quantity<Volume> {
    Quantity(baseValue: mass.baseValue / density.baseValue)
}

/// RUSLE: R × K gives soil loss per area before the LS, C and P factors. In SI units
/// (MJ·mm·ha⁻¹·h⁻¹·a⁻¹ × t·ha·h·ha⁻¹·MJ⁻¹·mm⁻¹) the product is in t/ha, that is 10⁻⁴ t/m².
public func * (erosivity: Quantity<RainfallErosivity>, erodibility: Quantity<SoilErodibility>) -> Quantity<ArealMass> {
    Quantity(erosivity.baseValue * erodibility.baseValue, .tonnePerHectare)
}

/// Energy per volume × volume = energy (humidifier kWh/m³ × water evaporated).
public func * (perVolume: Quantity<EnergyPerVolume>, volume: Quantity<Volume>) -> Quantity<Energy> {
    Quantity(baseValue: perVolume.baseValue * volume.baseValue)
}

/// Energy per area per day × area × days = energy, in kJ (the transpiration term of climate regulation).
public func energy(_ rate: Quantity<ArealEnergyRate>, over area: Quantity<Area>, for days: Quantity<Time>) -> Quantity<Energy> {
    Quantity(rate.baseValue * area.baseValue * days.baseValue, .kilojoule)
}
