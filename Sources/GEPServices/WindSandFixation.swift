import GEPCore

/// Wind-sand fixation (防风固沙): soil that vegetation keeps from being blown away, valued by the cost of
/// restoring the land that would otherwise be covered in sand, or of removing the sand.
///
/// Physical model (RWEQ, see ``RWEQ``), for each land ecosystem type i:
///
///     SR = Σᵢ Aᵢ · (SL(X_potential) − SL(X_actual,i)),  X = WF·EF·SCF·K′·COG
///
/// - WF: weather factor (kg/m); EF: erodible fraction and SCF: soil crust factor, from topsoil sand, silt, clay,
///   organic matter and CaCO₃ (%); K′: terrain roughness factor (0–1); COG = e^(aᵢ·SCᵢ): vegetation factor from cover
///   SCᵢ (%) and coefficient aᵢ; SL at downwind distance z (m), kg/m²; potential loss uses COG = 1 (bare soil).
/// - Water bodies and built-up land are not eroded by wind and are skipped.
///
/// Value, by method:
/// - `rweq-area-cost` (default): V = SR/(ρ·h) · c — the area that SR would cover at the standard sand depth h
///   (0.1 m in Garzê), with ρ the sand bulk density (1.28 t/m³ in Garzê), times the sand-control cost c per m²
///   (3.75 元/m² at 2010 prices in Garzê).
/// - `rweq-mass-cost`: V = SR · c_t, with c_t the cost of removing a tonne of sand.
///
/// Sources: GEP technical guideline (2020), wind-sand fixation; Fryrear et al. 2000 (RWEQ); Garzê (生态学报 2017,
/// 37(19)) §2.4.3 and §3.2.3 (779.42万 t → 60.89 km² → 2.28 亿元).
///
/// A type where the actual loss exceeds the potential (possible because SL(X) falls for very large X at a fixed
/// distance) contributes zero, with a warning.
public struct WindSandFixation: EcosystemService {
    public let id: ServiceID = "wind-sand-fixation"
    public let name = "wind-sand fixation"
    public let localName = "防风固沙"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t"
    public let methods: [ServiceMethod]

    public init() {
        let formula = "SR = Σᵢ Aᵢ·(SL(WF·EF·SCF·K′) − SL(WF·EF·SCF·K′·e^(aᵢ·SCᵢ))), SL(X) = (2z/s²)·Q_max·e^(−(z/s)²), Q_max = 109.8·X, s = 150.71·X^−0.3711"
        let source = "GEP technical guideline (2020), wind-sand fixation; Fryrear et al., J. Soil Water Conserv. 2000, 55(2):183–189 (RWEQ); Garzê (生态学报 2017, 37(19)) §2.4.3"
        let physical = [
            InputRequirement("weather-factor", "RWEQ weather factor WF (kg/m) for the year", dimension: MassPerLength.self),
            InputRequirement("soil-sand", "topsoil sand content (%)", dimension: Ratio.self, domain: .fraction),
            InputRequirement("soil-silt", "topsoil silt content (%)", dimension: Ratio.self, domain: .fraction),
            InputRequirement("soil-clay", "topsoil clay content (%), above zero", dimension: Ratio.self, domain: .range(1e-6...1)),
            InputRequirement("soil-organic-matter", "topsoil organic matter (%)", dimension: Ratio.self, domain: .fraction),
            InputRequirement("soil-caco3", "topsoil CaCO₃ (%); 0 if absent", dimension: Ratio.self, domain: .fraction, isOptional: true),
            InputRequirement("terrain-roughness", "terrain roughness factor K′ (0–1]", dimension: Ratio.self, domain: .range(1e-9...1)),
            InputRequirement("vegetation-cover", "vegetation cover SC (%)", dimension: Ratio.self, scope: .perEcosystemType, domain: .fraction),
            InputRequirement("vegetation-coefficient", "COG coefficient a (per % cover, ≤ 0)", dimension: Ratio.self,
                             scope: .perEcosystemType, domain: .range(-1...0)),
            InputRequirement("downwind-distance", "downwind distance z at which loss is evaluated (m)", dimension: Length.self, domain: .positive),
        ]
        methods = [
            ServiceMethod(
                id: "rweq-area-cost", formula: formula + "; V = SR/(ρ·h)·c", source: source,
                inputs: physical + [
                    InputRequirement("sand-bulk-density", "bulk density of drifting sand ρ (t/m³)", dimension: Density.self, domain: .positive),
                    InputRequirement("sand-cover-depth", "standard sand-cover depth h of desertified land (m)", dimension: Length.self, domain: .positive),
                ],
                prices: [PriceRequirement("sand-control-cost", "sand-control engineering cost per m² of land", per: Area.self)]),
            ServiceMethod(
                id: "rweq-mass-cost", formula: formula + "; V = SR·c_t", source: source,
                inputs: physical,
                prices: [PriceRequirement("sand-removal-cost", "cost of removing one tonne of sand", per: Mass.self)]),
        ]
    }

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let percent = { (key: String) in try inputs.ratio(key) * 100 }
        let clay = try percent("soil-clay"), organicMatter = try percent("soil-organic-matter")
        let erodible = RWEQ.erodibleFraction(sand: try percent("soil-sand"), silt: try percent("soil-silt"), clay: clay,
                                             organicMatter: organicMatter,
                                             calciumCarbonate: inputs.has("soil-caco3") ? try percent("soil-caco3") : 0)
        try inputs.require((0...1).contains(erodible), "soil-sand", value: erodible,
                           expected: "a soil texture whose erodible fraction EF lies in [0, 1]")
        let bare = try inputs.quantity("weather-factor", MassPerLength.self).value(in: .kilogramPerMetre) * erodible
            * RWEQ.soilCrustFactor(clay: clay, organicMatter: organicMatter) * (try inputs.ratio("terrain-roughness"))
        let distance = try inputs.quantity("downwind-distance", Length.self)
        let potential = RWEQ.soilLoss(bare, at: distance)

        var warnings: [String] = []
        let retained = try PerEcosystemType(unit.types(excluding: [.water, .builtUp])) { type -> Quantity<Mass> in
            let cog = RWEQ.vegetationFactor(coverPercent: try inputs.ratio("vegetation-cover", for: type) * 100,
                                            coefficient: try inputs.ratio("vegetation-coefficient", for: type))
            let kept = potential - RWEQ.soilLoss(bare * cog, at: distance)
            if kept.baseValue < 0 {
                warnings.append("\(type.rawValue): actual wind erosion exceeds potential at z = \(sixFigures(distance.value(in: .metre))) m; counted as zero")
                return .zero
            }
            return kept * unit.area(of: type)
        }
        let line: ValuedLine
        if method.id == "rweq-area-cost" {
            let sandVolume = retained.total / (try inputs.quantity("sand-bulk-density", Density.self))
            let landAvoided = sandVolume / (try inputs.quantity("sand-cover-depth", Length.self))
            line = ValuedLine(id: "desertification-avoided", label: "land kept from desertification", quantity: landAvoided,
                              price: try prices.unitPrice("sand-control-cost", Area.self), priceKey: "sand-control-cost")
        } else {
            line = ValuedLine(id: "sand-retained", label: "sand and soil retained", quantity: retained.total,
                              byEcosystemType: retained.byType,
                              price: try prices.unitPrice("sand-removal-cost", Mass.self), priceKey: "sand-removal-cost")
        }
        return result(for: unit, method: method,
                      physical: PhysicalAmount(retained.total, in: .tonne, byEcosystemType: retained.byType),
                      lines: [line], warnings: warnings)
    }
}
