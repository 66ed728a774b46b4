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
