import GEPCore

/// Net carbon fixed by vegetation in a year, for one ecosystem type or one pixel, and the gases in stoichiometric
/// proportion to it: the physics shared by the carbon sink (固碳) and oxygen release (释氧) services.
///
/// Formulas (as `gep services show` prints them), by route:
/// - `nep`: C = Σᵢ Aᵢ·NEPᵢ, with NEP the net ecosystem productivity (t C/ha or g C/m²); may be negative (a net source);
/// - `npp-minus-rh`: C = Σᵢ Aᵢ·(NPPᵢ − Rhᵢ), with NPP the net primary productivity and Rh the soil heterotrophic
///   respiration, both in carbon mass per area (NEP = NPP − Rh);
/// - `stock-increment` (forest types only): C = Σ_forest Aᵢ·ΔVᵢ·Dᵢ·BEFᵢ·(1 + Rᵢ)·CFᵢ, the gain method of the IPCC 2006
///   Guidelines, Vol. 4, ch. 2, eqs. 2.9–2.10 (ΔV: stem-volume increment, m³/ha; D: basic wood density, t/m³;
///   BEF: biomass expansion factor; R: root-to-shoot ratio; CF: carbon fraction of dry matter, 0.47 by IPCC default).
///
/// and then, for the carbon sink, Q_CO₂ = C·44/12 and V = Q_CO₂·p_C, with p_C in 元 per t **CO₂** (not per t C: the two
/// differ by 44/12 ≈ 3.67); for oxygen release, Q_O₂ = C·32/12 (each mole of CO₂ fixed releases one mole of O₂) and
/// V = Q_O₂·p_O₂, with p_O₂ the industrial oxygen cost (727 元/t at 2010 prices in the Garzê table).
///
/// Sources: GEP technical guideline (2020), carbon sequestration and oxygen release; GB/T 38582-2020 (oxygen as
/// G = 1.19·A·B_net in dry-matter form); Garzê (生态学报 2017, 37(19)) §2.4.7; IPCC 2006 Vol. 4 ch. 2.
public enum CarbonFixationKernel {
    /// The carbon formula of each route, as `gep services show` prints it; the doc comment above holds the same text.
    public static func formula(_ route: Route) -> String {
        switch route {
        case .nep: "C = Σᵢ Aᵢ·NEPᵢ"
        case .nppMinusRh: "C = Σᵢ Aᵢ·(NPPᵢ − Rhᵢ)"
        case .stockIncrement: "C = Σ_forest Aᵢ·ΔVᵢ·Dᵢ·BEFᵢ·(1 + Rᵢ)·CFᵢ"
        }
    }

    /// The routes the GEP guideline allows; the model file picks one by its raw value.
    public enum Route: String, CaseIterable, Sendable {
        case nep
        case nppMinusRh = "npp-minus-rh"
        case stockIncrement = "stock-increment"
    }


    /// C = A·NEP.
    public static func carbon(area: Quantity<Area>, nep: Quantity<ArealMass>) -> Quantity<Mass> {
        nep * area
    }

    /// C = A·(NPP − Rh).
    public static func carbon(area: Quantity<Area>, npp: Quantity<ArealMass>,
                              heterotrophicRespiration: Quantity<ArealMass>) -> Quantity<Mass> {
        (npp - heterotrophicRespiration) * area
    }

    /// The inputs of the gain method for one forest type.
    public struct StockIncrement: Sendable, Hashable {
        public var volumeIncrement: Quantity<VolumePerArea>
        public var woodDensity: Quantity<Density>
        public var biomassExpansionFactor: Double
        public var rootShootRatio: Double
        public var carbonFraction: Double

        public init(volumeIncrement: Quantity<VolumePerArea>, woodDensity: Quantity<Density>, biomassExpansionFactor: Double,
                    rootShootRatio: Double, carbonFraction: Double) {
            self.volumeIncrement = volumeIncrement
            self.woodDensity = woodDensity
            self.biomassExpansionFactor = biomassExpansionFactor
            self.rootShootRatio = rootShootRatio
            self.carbonFraction = carbonFraction
        }
    }

    /// C = A·ΔV·D·BEF·(1 + R)·CF.
    public static func carbon(area: Quantity<Area>, stock s: StockIncrement) -> Quantity<Mass> {
        let stem = s.volumeIncrement * area
        let dryMatter = s.woodDensity * stem * s.biomassExpansionFactor * (1 + s.rootShootRatio)
        return dryMatter * s.carbonFraction
    }

    /// The warning for a type whose net carbon is below zero (a net source), nil otherwise.
    public static func sourceWarning(_ carbon: Quantity<Mass>) -> WarningText? {
        carbon.baseValue < 0 ? WarningText { "is a net carbon source (\(sixFigures(carbon.value(in: .tonne))) t C)" } : nil
    }
}
