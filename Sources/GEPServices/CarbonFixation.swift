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

    /// Net carbon fixed per cell and ecosystem type (t C), and each cell's warnings (net sources, types the route
    /// does not cover).
    static func netCarbon(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader) throws
        -> (carbon: BatchBreakdown<Mass>, warnings: [Int: [WarningText]]) {
        guard let route = CarbonFixationKernel.Route(rawValue: method.id) else {
            throw ServiceError.unknownMethod(service: inputs.service, method: method.id,
                                             available: CarbonFixationKernel.Route.allCases.map(\.rawValue))
        }
        let types = batch.types(in: route == .stockIncrement ? [.forest] : .vegetated)
        var carbon = BatchBreakdown<Mass>(batch, types: types)
        for (column, t) in types.enumerated() {
            let type = batch.types[t]
            switch route {
            case .nep:
                let nep = try inputs.column(Keys.nep, for: type)
                for cell in 0..<batch.count {
                    carbon[cell, column] = CarbonFixationKernel.carbon(area: batch.area(cell: cell, type: t), nep: nep[cell])
                }
            case .nppMinusRh:
                let npp = try inputs.column(Keys.npp, for: type)
                let respiration = try inputs.column(Keys.heterotrophicRespiration, for: type)
                for cell in 0..<batch.count {
                    carbon[cell, column] = CarbonFixationKernel.carbon(area: batch.area(cell: cell, type: t), npp: npp[cell],
                                                                       heterotrophicRespiration: respiration[cell])
                }
            case .stockIncrement:
                let volumeIncrement = try inputs.column(Keys.stockVolumeIncrement, for: type)
                let woodDensity = try inputs.column(Keys.woodDensity, for: type)
                let expansion = try inputs.ratios(Keys.biomassExpansionFactor, for: type)
                let rootShoot = try inputs.ratios(Keys.rootShootRatio, for: type)
                let fraction = try inputs.ratios(Keys.carbonFraction, for: type)
                for cell in 0..<batch.count {
                    carbon[cell, column] = CarbonFixationKernel.carbon(area: batch.area(cell: cell, type: t), stock: CarbonFixationKernel.StockIncrement(
                        volumeIncrement: volumeIncrement[cell], woodDensity: woodDensity[cell], biomassExpansionFactor: expansion[cell],
                        rootShootRatio: rootShoot[cell], carbonFraction: fraction[cell]))
                }
            }
        }
        let uncovered = route == .stockIncrement ? batch.types(in: .vegetated).map { batch.types[$0] }.filter { $0.group != .forest } : []
        // The same for every cell: written once.
        let uncoveredWarning: WarningText? = uncovered.isEmpty ? nil
            : "stock-increment covers forests only; not counted: \(uncovered.map(\.rawValue).joined(separator: ", "))"
        var warnings: [Int: [WarningText]] = [:]
        for cell in 0..<batch.count {
            var found: [WarningText] = []
            if let uncoveredWarning { found.append(uncoveredWarning) }
            for (column, type) in carbon.types.enumerated() {
                if let warning = CarbonFixationKernel.sourceWarning(carbon[cell, column]) { found.append(WarningText { "\(type.rawValue) \(warning)" }) }
            }
            if !found.isEmpty { warnings[cell] = found }
        }
        return (carbon, warnings)
    }

    /// The result of a service that values the carbon fixed as a gas in stoichiometric proportion to it: CO₂ (44/12)
    /// for the carbon sink, O₂ (32/12) for oxygen release.
    static func gasResult(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook, gasPerCarbon: Double,
                          line: (id: String, label: String), price: PriceKey<Mass>) throws -> BatchResult {
        let (carbon, warnings) = try netCarbon(batch, method: method, inputs: inputs)
        let gas = carbon.map { $0 * gasPerCarbon }
        // The total is the carbon total converted, as a single unit's is, not the sum of the converted types.
        let totals = carbon.totals.map { $0 * gasPerCarbon }
        let valued = BatchLine(id: line.id, label: line.label, quantities: totals, breakdown: gas, price: try prices.unitPrice(price),
                               priceKey: price.name)
        return BatchResult(physical: gas, totals: totals, in: .tonne, lines: [valued], warnings: warnings)
    }
}
