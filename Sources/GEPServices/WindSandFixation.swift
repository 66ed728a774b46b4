import GEPCore

/// Wind-sand fixation (防风固沙): soil that vegetation keeps from being blown away, valued by the cost of
/// restoring the land that would otherwise be covered in sand, or of removing the sand.
///
/// The formula, its variables, domain rules and sources are documented once, on ``WindSandFixationKernel``.
public struct WindSandFixation: BatchAssessable {
    /// The inputs and prices, each named once with its dimension.
    public enum Keys {
        public static let weatherFactor = InputKey<MassPerLength>("weather-factor")
        public static let soilSand = InputKey<Ratio>("soil-sand")
        public static let soilSilt = InputKey<Ratio>("soil-silt")
        public static let soilClay = InputKey<Ratio>("soil-clay")
        public static let soilOrganicMatter = InputKey<Ratio>("soil-organic-matter")
        public static let soilCaCO3 = InputKey<Ratio>("soil-caco3")
        public static let terrainRoughness = InputKey<Ratio>("terrain-roughness")
        public static let vegetationCover = InputKey<Ratio>("vegetation-cover")
        public static let vegetationCoefficient = InputKey<Ratio>("vegetation-coefficient")
        public static let downwindDistance = InputKey<Length>("downwind-distance")
        public static let sandBulkDensity = InputKey<Density>("sand-bulk-density")
        public static let sandCoverDepth = InputKey<Length>("sand-cover-depth")
        public static let sandControlCost = PriceKey<Area>("sand-control-cost")
        public static let sandRemovalCost = PriceKey<Mass>("sand-removal-cost")
    }

    public enum Method: String, CaseIterable, Sendable {
        case areaCost = "rweq-area-cost"
        case massCost = "rweq-mass-cost"
    }

    public let id: ServiceID = "wind-sand-fixation"
    public let name = "wind-sand fixation"
    public let localName = "防风固沙"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t"
    public let methods: [ServiceMethod]

    public init() {
        let source = "GEP technical guideline (2020), wind-sand fixation; Fryrear et al., J. Soil Water Conserv. 2000, 55(2):183–189 (RWEQ); Garzê (生态学报 2017, 37(19)) §2.4.3"
        let physical = [
            InputRequirement(Keys.weatherFactor, "RWEQ weather factor WF (kg/m) for the year"),
            InputRequirement(Keys.soilSand, "topsoil sand content (%)", domain: .fraction),
            InputRequirement(Keys.soilSilt, "topsoil silt content (%)", domain: .fraction),
            InputRequirement(Keys.soilClay, "topsoil clay content (%), above zero", domain: .range(1e-6...1)),
            InputRequirement(Keys.soilOrganicMatter, "topsoil organic matter (%)", domain: .fraction),
            InputRequirement(Keys.soilCaCO3, "topsoil CaCO₃ (%); 0 if absent", domain: .fraction, presence: .optional),
            InputRequirement(Keys.terrainRoughness, "terrain roughness factor K′ (0–1]", domain: .range(1e-9...1)),
            InputRequirement(Keys.vegetationCover, "vegetation cover SC (%)", scope: .perEcosystemType, domain: .fraction),
            InputRequirement(Keys.vegetationCoefficient, "COG coefficient a (per % cover, ≤ 0)", scope: .perEcosystemType,
                             domain: .range(-1...0)),
            InputRequirement(Keys.downwindDistance, "downwind distance z at which loss is evaluated (m)", domain: .positive),
        ]
        methods = [
            ServiceMethod(
                id: Method.areaCost.rawValue, formula: WindSandFixationKernel.formula + "; " + WindSandFixationKernel.areaCostFormula,
                source: source,
                inputs: physical + [
                    InputRequirement(Keys.sandBulkDensity, "bulk density of drifting sand ρ (t/m³)", domain: .positive),
                    InputRequirement(Keys.sandCoverDepth, "standard sand-cover depth h of desertified land (m)", domain: .positive),
                ],
                prices: [PriceRequirement(Keys.sandControlCost, "sand-control engineering cost per m² of land")]),
            ServiceMethod(
                id: Method.massCost.rawValue, formula: WindSandFixationKernel.formula + "; " + WindSandFixationKernel.massCostFormula,
                source: source, inputs: physical,
                prices: [PriceRequirement(Keys.sandRemovalCost, "cost of removing one tonne of sand")]),
        ]
    }

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        guard let valuation = Method(rawValue: method.id) else {
            throw ServiceError.unknownMethod(service: id.rawValue, method: method.id, available: Method.allCases.map(\.rawValue))
        }
        let sand = try inputs.ratios(Keys.soilSand), silt = try inputs.ratios(Keys.soilSilt), clay = try inputs.ratios(Keys.soilClay)
        let organicMatter = try inputs.ratios(Keys.soilOrganicMatter)
        let calciumCarbonate = inputs.has(Keys.soilCaCO3) ? try inputs.ratios(Keys.soilCaCO3) : BatchColumn(shared: 0)
        let weather = try inputs.column(Keys.weatherFactor)
        let roughness = try inputs.ratios(Keys.terrainRoughness)
        let bare = try (0..<batch.count).map { cell in
            let soil = WindSandFixationKernel.Soil(sand: sand[cell], silt: silt[cell], clay: clay[cell], organicMatter: organicMatter[cell],
                                                   calciumCarbonate: calciumCarbonate[cell])
            do {
                return try WindSandFixationKernel.bareSoilFactor(weather: weather[cell], soil: soil, terrainRoughness: roughness[cell])
            } catch let rejection as KernelRejection { throw inputs.error(rejection, cell: cell) }
        }
        let distance = try inputs.column(Keys.downwindDistance)

        var warnings: [Int: [WarningText]] = [:]
        let types = batch.types(excluding: [.water, .builtUp])
        var retained = BatchBreakdown<Mass>(batch, types: types)
        for (column, t) in types.enumerated() {
            let type = batch.types[t]
            let cover = try inputs.ratios(Keys.vegetationCover, for: type)
            let coefficient = try inputs.ratios(Keys.vegetationCoefficient, for: type)
            for cell in 0..<batch.count {
                let output = WindSandFixationKernel.soilRetained(bareSoilFactor: bare[cell], cover: cover[cell], coefficient: coefficient[cell],
                                                                 distance: distance[cell], area: batch.area(cell: cell, type: t))
                if let warning = output.warning { warnings[cell, default: []].append(WarningText { "\(type.rawValue): \(warning)" }) }
                retained[cell, column] = output.value
            }
        }
        let line: BatchLine
        switch valuation {
        case .areaCost:
            let sandKept = retained.totals
            let bulkDensity = try inputs.column(Keys.sandBulkDensity), coverDepth = try inputs.column(Keys.sandCoverDepth)
            let land = sandKept.indices.map { cell in
                WindSandFixationKernel.landKeptFromDesertification(sand: sandKept[cell], bulkDensity: bulkDensity[cell], coverDepth: coverDepth[cell])
            }
            line = BatchLine(id: "desertification-avoided", label: "land kept from desertification", quantities: land,
                             price: try prices.unitPrice(Keys.sandControlCost), priceKey: Keys.sandControlCost.name)
        case .massCost:
            line = BatchLine(id: "sand-retained", label: "sand and soil retained", amounts: retained,
                             price: try prices.unitPrice(Keys.sandRemovalCost), priceKey: Keys.sandRemovalCost.name)
        }
        return BatchResult(physical: retained, in: .tonne, lines: [line], warnings: warnings)
    }
}
