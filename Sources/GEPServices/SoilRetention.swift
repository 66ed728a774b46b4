import GEPCore

/// Soil retention (土壤保持): soil that vegetation keeps from water erosion, valued by the reservoir siltation
/// and the nutrient loss it avoids.
///
/// The formula, its variables and sources are documented once, on ``SoilRetentionKernel``. Open water is not
/// eroded and is skipped.
public struct SoilRetention: BatchAssessable {
    /// The inputs and prices, each named once with its dimension.
    public enum Keys {
        public static let rainfallErosivity = InputKey<RainfallErosivity>("rainfall-erosivity")
        public static let soilErodibility = InputKey<SoilErodibility>("soil-erodibility")
        public static let slopeLengthSteepness = InputKey<Ratio>("slope-length-steepness")
        public static let coverManagement = InputKey<Ratio>("cover-management")
        public static let supportPractice = InputKey<Ratio>("support-practice")
        public static let sedimentDepositionRatio = InputKey<Ratio>("sediment-deposition-ratio")
        public static let soilBulkDensity = InputKey<Density>("soil-bulk-density")
        public static let soilNitrogenContent = InputKey<Ratio>("soil-nitrogen-content")
        public static let soilPhosphorusContent = InputKey<Ratio>("soil-phosphorus-content")
        public static let dredgingCost = PriceKey<Volume>("dredging-cost")
        public static let nitrogenRemovalCost = PriceKey<Mass>("nitrogen-removal-cost")
        public static let phosphorusRemovalCost = PriceKey<Mass>("phosphorus-removal-cost")
    }

    public enum Method: String, CaseIterable, Sendable {
        case rusle
    }

    public let id: ServiceID = "soil-retention"
    public let name = "soil retention"
    public let localName = "土壤保持"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t"
    public let methods = [ServiceMethod(
        id: Method.rusle.rawValue,
        formula: SoilRetentionKernel.formula,
        source: "GEP technical guideline (2020), soil retention; Renard et al. 1997, USDA AH 703 (RUSLE); Garzê (生态学报 2017, 37(19)) §2.4.2",
        inputs: [
            InputRequirement(Keys.rainfallErosivity, "RUSLE rainfall erosivity R", scope: .perEcosystemType),
            InputRequirement(Keys.soilErodibility, "RUSLE soil erodibility K", scope: .perEcosystemType),
            InputRequirement(Keys.slopeLengthSteepness, "RUSLE slope length and steepness factor LS", scope: .perEcosystemType),
            InputRequirement(Keys.coverManagement, "RUSLE cover-management factor C (0–1)", scope: .perEcosystemType, domain: .fraction),
            InputRequirement(Keys.supportPractice, "RUSLE support-practice factor P (0–1)", scope: .perEcosystemType, domain: .fraction),
            InputRequirement(Keys.sedimentDepositionRatio, "share of eroded soil deposited in reservoirs λ", domain: .fraction),
            InputRequirement(Keys.soilBulkDensity, "soil bulk density ρ (t/m³)", domain: .positive),
            InputRequirement(Keys.soilNitrogenContent, "soil total N content C_N", domain: .fraction),
            InputRequirement(Keys.soilPhosphorusContent, "soil total P content C_P", domain: .fraction),
        ],
        prices: [
            PriceRequirement(Keys.dredgingCost, "reservoir dredging cost per m³"),
            PriceRequirement(Keys.nitrogenRemovalCost, "treatment cost per t of N"),
            PriceRequirement(Keys.phosphorusRemovalCost, "treatment cost per t of P"),
        ]
    )]

    public init() {}

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        let types = batch.types(excluding: [.water])
        var retained = BatchBreakdown<Mass>(batch, types: types)
        for (column, t) in types.enumerated() {
            let type = batch.types[t]
            let erosivity = try inputs.column(Keys.rainfallErosivity, for: type)
            let erodibility = try inputs.column(Keys.soilErodibility, for: type)
            let slopeLengthSteepness = try inputs.ratios(Keys.slopeLengthSteepness, for: type)
            let coverManagement = try inputs.ratios(Keys.coverManagement, for: type)
            let supportPractice = try inputs.ratios(Keys.supportPractice, for: type)
            for cell in 0..<batch.count {
                retained[cell, column] = SoilRetentionKernel.soilRetained(SoilRetentionKernel.Factors(
                    erosivity: erosivity[cell], erodibility: erodibility[cell], slopeLengthSteepness: slopeLengthSteepness[cell],
                    coverManagement: coverManagement[cell], supportPractice: supportPractice[cell]), area: batch.area(cell: cell, type: t))
            }
        }
        let soil = retained.totals
        let depositionRatio = try inputs.ratios(Keys.sedimentDepositionRatio)
        let bulkDensity = try inputs.column(Keys.soilBulkDensity)
        let nitrogenContent = try inputs.ratios(Keys.soilNitrogenContent)
        let phosphorusContent = try inputs.ratios(Keys.soilPhosphorusContent)
        func losses(_ cell: Int, _ soil: Quantity<Mass>) -> (siltation: Quantity<Volume>, nitrogen: Quantity<Mass>, phosphorus: Quantity<Mass>) {
            SoilRetentionKernel.avoidedLosses(soil: soil, depositionRatio: depositionRatio[cell], bulkDensity: bulkDensity[cell],
                                              nitrogenContent: nitrogenContent[cell], phosphorusContent: phosphorusContent[cell])
        }
        let avoided = soil.indices.map { losses($0, soil[$0]) }
        // Each line split by ecosystem type as the soil retained is (the losses are linear in it), for the accounts that
        // attribute value to types (SEEA supply and asset accounts); the lines' totals stay those of the whole cell.
        var siltation = BatchBreakdown<Volume>(batch, types: types), nitrogen = retained, phosphorus = retained
        for cell in 0..<batch.count {
            for column in types.indices {
                let split = losses(cell, retained[cell, column])
                (siltation[cell, column], nitrogen[cell, column], phosphorus[cell, column]) = (split.siltation, split.nitrogen, split.phosphorus)
            }
        }
        let lines = [
            BatchLine(id: "siltation-avoided", label: "reservoir siltation avoided", quantities: avoided.map(\.siltation), breakdown: siltation,
                      price: try prices.unitPrice(Keys.dredgingCost), priceKey: Keys.dredgingCost.name),
            BatchLine(id: "nitrogen-retained", label: "soil nitrogen retained", quantities: avoided.map(\.nitrogen), breakdown: nitrogen,
                      price: try prices.unitPrice(Keys.nitrogenRemovalCost), priceKey: Keys.nitrogenRemovalCost.name),
            BatchLine(id: "phosphorus-retained", label: "soil phosphorus retained", quantities: avoided.map(\.phosphorus), breakdown: phosphorus,
                      price: try prices.unitPrice(Keys.phosphorusRemovalCost), priceKey: Keys.phosphorusRemovalCost.name),
        ]
        return BatchResult(physical: retained, in: .tonne, lines: lines)
    }
}
