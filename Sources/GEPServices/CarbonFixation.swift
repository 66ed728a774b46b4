import GEPCore

/// Net carbon fixed by vegetation in a year, in t C per ecosystem type: the physical basis shared by the carbon
/// sink and oxygen release services, by one of the three routes the GEP guideline allows.
///
/// - `nep`: C = A · NEP, with NEP the net ecosystem productivity (t C/ha or g C/m²).
/// - `npp-minus-rh`: C = A · (NPP − Rh), with NPP the net primary productivity and Rh the soil heterotrophic
///   respiration, both in carbon mass per area (NEP = NPP − Rh).
/// - `stock-increment` (forest types only): C = A · ΔV · D · BEF · (1 + R) · CF, the gain method of the IPCC 2006
///   Guidelines, Vol. 4, ch. 2, eqs. 2.9–2.10 (ΔV: stem-volume increment, m³/ha; D: basic wood density, t/m³;
///   BEF: biomass expansion factor; R: root-to-shoot ratio; CF: carbon fraction of dry matter, 0.47 by IPCC default).
enum CarbonFixation {
    /// The methods, with the inputs each needs; services add their own prices.
    static func methods(formulaSuffix: String, source: String, prices: [PriceRequirement]) -> [ServiceMethod] {
        let perType = { (key: String, summary: String, dimension: any PhysicalDimension.Type, domain: ValueDomain) in
            InputRequirement(key, summary, dimension: dimension, scope: .perEcosystemType, domain: domain)
        }
        return [
            ServiceMethod(
                id: "nep", formula: "C = Σᵢ Aᵢ·NEPᵢ; " + formulaSuffix, source: source,
                inputs: [perType("nep", "net ecosystem productivity NEP, carbon mass per area (t C/ha, g C/m²)", ArealMass.self, .any)],
                prices: prices, allowsNegative: true),
            ServiceMethod(
                id: "npp-minus-rh", formula: "C = Σᵢ Aᵢ·(NPPᵢ − Rhᵢ); " + formulaSuffix, source: source,
                inputs: [
                    perType("npp", "net primary productivity NPP, carbon mass per area", ArealMass.self, .nonNegative),
                    perType("heterotrophic-respiration", "soil heterotrophic respiration Rh, carbon mass per area", ArealMass.self, .nonNegative),
                ],
                prices: prices, allowsNegative: true),
            ServiceMethod(
                id: "stock-increment", formula: "C = Σ_forest Aᵢ·ΔVᵢ·Dᵢ·BEFᵢ·(1 + Rᵢ)·CFᵢ; " + formulaSuffix,
                source: source + "; IPCC 2006 Guidelines Vol. 4 ch. 2 eqs. 2.9–2.10 (gain method)",
                inputs: [
                    perType("stock-volume-increment", "annual stem-volume increment ΔV (m³/ha)", VolumePerArea.self, .nonNegative),
                    perType("wood-density", "basic wood density D (t/m³)", Density.self, .positive),
                    perType("biomass-expansion-factor", "biomass expansion factor BEF (stem to above-ground)", Ratio.self, .positive),
                    perType("root-shoot-ratio", "root-to-shoot ratio R", Ratio.self, .nonNegative),
                    perType("carbon-fraction", "carbon fraction of dry matter CF (0–1)", Ratio.self, .fraction),
                ],
                prices: prices),
        ]
    }

    /// Net carbon fixed per ecosystem type (t C), and warnings (net sources, types the method does not cover).
    static func netCarbon(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader) throws
        -> (carbon: PerEcosystemType<Mass>, warnings: [String]) {
        var warnings: [String] = []
        let carbon: PerEcosystemType<Mass>
        switch method.id {
        case "nep":
            carbon = try PerEcosystemType(unit.types(in: .vegetated)) { type in
                try inputs.quantity("nep", ArealMass.self, for: type) * unit.area(of: type)
            }
        case "npp-minus-rh":
            carbon = try PerEcosystemType(unit.types(in: .vegetated)) { type in
                let npp = try inputs.quantity("npp", ArealMass.self, for: type)
                let rh = try inputs.quantity("heterotrophic-respiration", ArealMass.self, for: type)
                return (npp - rh) * unit.area(of: type)
            }
        default:
            carbon = try PerEcosystemType(unit.types(in: [.forest])) { type in
                let stem = try inputs.quantity("stock-volume-increment", VolumePerArea.self, for: type) * unit.area(of: type)
                let dryMatter = try inputs.quantity("wood-density", Density.self, for: type) * stem
                    * (try inputs.ratio("biomass-expansion-factor", for: type))
                    * (1 + (try inputs.ratio("root-shoot-ratio", for: type)))
                return dryMatter * (try inputs.ratio("carbon-fraction", for: type))
            }
            let uncovered = unit.types(in: .vegetated).filter { $0.group != .forest }
            if !uncovered.isEmpty {
                warnings.append("stock-increment covers forests only; not counted: \(uncovered.map(\.rawValue).joined(separator: ", "))")
            }
        }
        for (type, amount) in carbon.byType.sorted(by: { $0.key < $1.key }) where amount.baseValue < 0 {
            warnings.append("\(type.rawValue) is a net carbon source (\(sixFigures(amount.value(in: .tonne))) t C)")
        }
        return (carbon, warnings)
    }

    /// The result of a service that values the carbon fixed as a gas in stoichiometric proportion to it: CO₂ (44/12)
    /// for the carbon sink, O₂ (32/12) for oxygen release.
    static func gasResult(_ service: some EcosystemService, unit: AccountingUnit, method: ServiceMethod, inputs: InputReader,
                          prices: PriceBook, gasPerCarbon: Double, line: (id: String, label: String), priceKey: String) throws -> ServiceResult {
        let (carbon, warnings) = try netCarbon(unit, method: method, inputs: inputs)
        let gas = carbon.map { $0 * gasPerCarbon }
        let total = carbon.total * gasPerCarbon
        let valued = ValuedLine(id: line.id, label: line.label, quantity: total, byEcosystemType: gas,
                                price: try prices.unitPrice(priceKey, Mass.self), priceKey: priceKey)
        return service.result(for: unit, method: method, physical: PhysicalAmount(total, in: .tonne, byEcosystemType: gas),
                              lines: [valued], warnings: warnings)
    }
}
