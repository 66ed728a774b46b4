import GEPCore

/// The part of the carbon sink and oxygen release adapters they share: the methods (one per route of
/// ``CarbonFixationKernel``), reading each ecosystem type's inputs, and the gas line.
enum CarbonFixation {
    /// The inputs, each named once with its dimension.
    enum Keys {
        static let nep = InputKey<ArealMass>("nep")
        static let npp = InputKey<ArealMass>("npp")
        static let heterotrophicRespiration = InputKey<ArealMass>("heterotrophic-respiration")
        static let stockVolumeIncrement = InputKey<VolumePerArea>("stock-volume-increment")
        static let woodDensity = InputKey<Density>("wood-density")
        static let biomassExpansionFactor = InputKey<Ratio>("biomass-expansion-factor")
        static let rootShootRatio = InputKey<Ratio>("root-shoot-ratio")
        static let carbonFraction = InputKey<Ratio>("carbon-fraction")
    }

    /// The methods, one per route, with the inputs each needs; services add their gas formula and price.
    static func methods(formulaSuffix: String, source: String, price: PriceRequirement) -> [ServiceMethod] {
        CarbonFixationKernel.Route.allCases.map { route in
            let perType = { (key: InputKey<ArealMass>, summary: String, domain: ValueDomain) in
                InputRequirement(key, summary, scope: .perEcosystemType, domain: domain)
            }
            let inputs: [InputRequirement]
            switch route {
            case .nep:
                inputs = [perType(Keys.nep, "net ecosystem productivity NEP, carbon mass per area (t C/ha, g C/m²)", .any)]
            case .nppMinusRh:
                inputs = [perType(Keys.npp, "net primary productivity NPP, carbon mass per area", .nonNegative),
                          perType(Keys.heterotrophicRespiration, "soil heterotrophic respiration Rh, carbon mass per area", .nonNegative)]
            case .stockIncrement:
                inputs = [
                    InputRequirement(Keys.stockVolumeIncrement, "annual stem-volume increment ΔV (m³/ha)", scope: .perEcosystemType),
                    InputRequirement(Keys.woodDensity, "basic wood density D (t/m³)", scope: .perEcosystemType, domain: .positive),
                    InputRequirement(Keys.biomassExpansionFactor, "biomass expansion factor BEF (stem to above-ground)",
                                     scope: .perEcosystemType, domain: .positive),
                    InputRequirement(Keys.rootShootRatio, "root-to-shoot ratio R", scope: .perEcosystemType),
                    InputRequirement(Keys.carbonFraction, "carbon fraction of dry matter CF (0–1)", scope: .perEcosystemType,
                                     domain: .fraction),
                ]
            }
            return ServiceMethod(
                id: route.rawValue, formula: CarbonFixationKernel.formula(route) + "; " + formulaSuffix,
                source: route == .stockIncrement ? source + "; IPCC 2006 Guidelines Vol. 4 ch. 2 eqs. 2.9–2.10 (gain method)" : source,
                inputs: inputs, prices: [price], allowsNegative: route != .stockIncrement)
        }
    }

    /// Net carbon fixed per ecosystem type (t C), and warnings (net sources, types the route does not cover).
    static func netCarbon(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader) throws
        -> (carbon: PerEcosystemType<Mass>, warnings: [String]) {
        guard let route = CarbonFixationKernel.Route(rawValue: method.id) else {
            throw ServiceError.unknownMethod(service: inputs.service, method: method.id,
                                             available: CarbonFixationKernel.Route.allCases.map(\.rawValue))
        }
        var warnings: [String] = []
        let carbon: PerEcosystemType<Mass>
        switch route {
        case .nep:
            carbon = try PerEcosystemType(unit.types(in: .vegetated)) { type in
                CarbonFixationKernel.carbon(area: unit.area(of: type), nep: try inputs.quantity(Keys.nep, for: type))
            }
        case .nppMinusRh:
            carbon = try PerEcosystemType(unit.types(in: .vegetated)) { type in
                CarbonFixationKernel.carbon(area: unit.area(of: type), npp: try inputs.quantity(Keys.npp, for: type),
                                            heterotrophicRespiration: try inputs.quantity(Keys.heterotrophicRespiration, for: type))
            }
        case .stockIncrement:
            carbon = try PerEcosystemType(unit.types(in: [.forest])) { type in
                CarbonFixationKernel.carbon(area: unit.area(of: type), stock: CarbonFixationKernel.StockIncrement(
                    volumeIncrement: try inputs.quantity(Keys.stockVolumeIncrement, for: type),
                    woodDensity: try inputs.quantity(Keys.woodDensity, for: type),
                    biomassExpansionFactor: try inputs.ratio(Keys.biomassExpansionFactor, for: type),
                    rootShootRatio: try inputs.ratio(Keys.rootShootRatio, for: type),
                    carbonFraction: try inputs.ratio(Keys.carbonFraction, for: type)))
            }
            let uncovered = unit.types(in: .vegetated).filter { $0.group != .forest }
            if !uncovered.isEmpty {
                warnings.append("stock-increment covers forests only; not counted: \(uncovered.map(\.rawValue).joined(separator: ", "))")
            }
        }
        for (type, amount) in carbon.byType.sorted(by: { $0.key < $1.key }) {
            if let warning = CarbonFixationKernel.sourceWarning(amount) { warnings.append("\(type.rawValue) \(warning)") }
        }
        return (carbon, warnings)
    }

    /// The result of a service that values the carbon fixed as a gas in stoichiometric proportion to it: CO₂ (44/12)
    /// for the carbon sink, O₂ (32/12) for oxygen release.
    static func gasResult(_ service: some EcosystemService, unit: AccountingUnit, method: ServiceMethod, inputs: InputReader,
                          prices: PriceBook, gasPerCarbon: Double, line: (id: String, label: String), price: PriceKey<Mass>) throws -> ServiceResult {
        let (carbon, warnings) = try netCarbon(unit, method: method, inputs: inputs)
        let gas = carbon.map { $0 * gasPerCarbon }
        let total = carbon.total * gasPerCarbon
        let valued = ValuedLine(id: line.id, label: line.label, quantity: total, byEcosystemType: gas,
                                price: try prices.unitPrice(price), priceKey: price.name)
        return service.result(for: unit, method: method, physical: PhysicalAmount(total, in: .tonne, byEcosystemType: gas),
                              lines: [valued], warnings: warnings)
    }
}
