import GEPCore

/// InVEST's carbon storage (natcap.invest 3.20 `carbon`): the carbon held in four pools, by land-cover class, valued at
/// the carbon price. Its class parameters read InVEST's carbon-pool table as it is (`class-tables:` in a raster model).
///
/// The formula, its variables and sources are documented once, on ``InVESTKernel``.
public struct InVESTCarbon: BatchAssessable {
    /// The inputs, named as InVEST's table columns with `_` written `-`.
    public enum Keys {
        public static let above = InputKey<ArealMass>("c-above")
        public static let below = InputKey<ArealMass>("c-below")
        public static let soil = InputKey<ArealMass>("c-soil")
        public static let dead = InputKey<ArealMass>("c-dead")
    }

    public let id: ServiceID = "invest-carbon"
    public let name = "carbon storage (InVEST)"
    public let localName = "碳储存（InVEST）"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t C"
    public let methods = [ServiceMethod(
        id: "four-pools",
        formula: InVESTKernel.carbonFormula,
        source: "natcap/invest 3.20 carbon.py (_generate_carbon_map, sum_op); InVEST User's Guide, Carbon Storage and Sequestration",
        inputs: [
            InputRequirement(Keys.above, "aboveground biomass carbon C_above (t C/ha)", scope: .perEcosystemType),
            InputRequirement(Keys.below, "belowground biomass carbon C_below (t C/ha)", scope: .perEcosystemType),
            InputRequirement(Keys.soil, "soil organic carbon C_soil (t C/ha)", scope: .perEcosystemType),
            InputRequirement(Keys.dead, "dead organic matter carbon C_dead (t C/ha)", scope: .perEcosystemType),
        ],
        prices: [PriceRequirement(CarbonSink.carbonPrice, "carbon price per t CO₂ (the stock is valued at it: not a yearly flow)")]
    )]

    public init() {}

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        let types = batch.types(excluding: [])
        var stored = BatchBreakdown<Mass>(batch, types: types)
        for (column, t) in types.enumerated() {
            let type = batch.types[t]
            // The pools in base units (kg/m²): the sum is the same in any unit, and no unit is looked up a cell.
            let above = try inputs.column(Keys.above, for: type), below = try inputs.column(Keys.below, for: type)
            let soil = try inputs.column(Keys.soil, for: type), dead = try inputs.column(Keys.dead, for: type)
            for cell in 0..<batch.count {
                let density = InVESTKernel.carbonDensity(above: above[cell].baseValue, below: below[cell].baseValue,
                                                         soil: soil[cell].baseValue, dead: dead[cell].baseValue)
                stored[cell, column] = Quantity<ArealMass>(baseValue: density) * batch.area(cell: cell, type: t)
            }
        }
        let dioxide = stored.totals.map { $0 * Stoichiometry.co2PerCarbon }
        let line = BatchLine(id: "co2-stored", label: "CO₂ held in carbon stocks", quantities: dioxide,
                             price: try prices.unitPrice(CarbonSink.carbonPrice), priceKey: CarbonSink.carbonPrice.name)
        return BatchResult(physical: stored, in: .tonne, lines: [line])
    }
}

/// InVEST's carbon sequestration (natcap.invest 3.20 `carbon` with `calc_sequestration`): the change in the four
/// pools' carbon between the baseline land cover and the alternative one (a raster model's `alternative-land-cover:`,
/// InVEST's `lulc_alt_path`), as a yearly flow over the years between the maps, or at InVEST's net present value.
/// It reads the same carbon-pool table as ``InVESTCarbon``, once through each map.
///
/// The formula, its variables and sources are documented once, on ``InVESTKernel``.
public struct InVESTCarbonSequestration: BatchAssessable {
    public enum Keys {
        /// InVEST's `lulc_alt_year` − `lulc_bas_year`.
        public static let years = InputKey<Ratio>("years-between-maps")
        /// InVEST's `discount_rate` and `rate_change`, as fractions (a model file may write them in %).
        public static let discountRate = InputKey<Ratio>("discount-rate")
        public static let priceChange = InputKey<Ratio>("price-change-rate")
    }

    static let pools = [InVESTCarbon.Keys.above, InVESTCarbon.Keys.below, InVESTCarbon.Keys.soil, InVESTCarbon.Keys.dead]
    static let source = "natcap/invest 3.20 carbon.py (c_change_bas_alt, _calculate_valuation_constant, _calculate_npv); InVEST User's Guide, Carbon Storage and Sequestration"

    public let id: ServiceID = "invest-carbon-sequestration"
    public let name = "carbon sequestration (InVEST)"
    public let localName = "碳固定（InVEST，土地覆被变化）"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "t C"
    public let methods: [ServiceMethod]

    public init() {
        let pools = Self.pools.flatMap { pool in [
            InputRequirement(pool, "\(pool.name.dropFirst(2)) carbon of the baseline class (t C/ha)", scope: .perEcosystemType),
            InputRequirement(pool.alternative, "\(pool.name.dropFirst(2)) carbon of the pixel's class in the alternative map (t C/ha)",
                             scope: .perEcosystemType),
        ] }
        let years = InputRequirement(Keys.years, "years n from the baseline map to the alternative one (a whole number)", domain: .range(1...10_000))
        let price = PriceRequirement(CarbonSink.carbonPrice, "carbon price per t CO₂")
        methods = [
            ServiceMethod(id: "stock-change", formula: InVESTKernel.sequestrationFormula, source: Self.source,
                          inputs: pools + [years], prices: [price], allowsNegative: true),
            ServiceMethod(id: "npv", formula: InVESTKernel.sequestrationValueFormula, source: Self.source,
                          inputs: pools + [years,
                                           InputRequirement(Keys.discountRate, "yearly discount rate d (InVEST's discount_rate, in %)", domain: .range(0...1)),
                                           InputRequirement(Keys.priceChange, "yearly change c of the carbon price (InVEST's rate_change, in %)",
                                                            domain: .range(-0.99...1))],
                          prices: [price], allowsNegative: true),
        ]
    }

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        let types = batch.types(excluding: [])
        var change = BatchBreakdown<Mass>(batch, types: types)
        for (column, t) in types.enumerated() {
            let type = batch.types[t]
            let baseline = try Self.pools.map { try inputs.column($0, for: type) }
            let alternative = try Self.pools.map { try inputs.column($0.alternative, for: type) }
            for cell in 0..<batch.count {
                // In base units (kg/m²), as the storage service sums them.
                let before = InVESTKernel.carbonDensity(above: baseline[0][cell].baseValue, below: baseline[1][cell].baseValue,
                                                        soil: baseline[2][cell].baseValue, dead: baseline[3][cell].baseValue)
                let after = InVESTKernel.carbonDensity(above: alternative[0][cell].baseValue, below: alternative[1][cell].baseValue,
                                                       soil: alternative[2][cell].baseValue, dead: alternative[3][cell].baseValue)
                change[cell, column] = Quantity<ArealMass>(baseValue: after - before) * batch.area(cell: cell, type: t)
            }
        }
        let years = try Self.regionWide(Keys.years, inputs, batch, whole: true)
        let price = try prices.unitPrice(CarbonSink.carbonPrice)
        let dioxide = change.totals.map { $0 * Stoichiometry.co2PerCarbon }
        let line: BatchLine
        if method.id == "npv" {
            let factor = InVESTKernel.presentValueFactor(years: Int(years), discountRate: try Self.regionWide(Keys.discountRate, inputs, batch),
                                                         priceChange: try Self.regionWide(Keys.priceChange, inputs, batch))
            // The factor goes into the price, not the quantity: the line's quantity stays the CO₂ the change holds.
            line = BatchLine(id: "co2-sequestered-npv", label: "CO₂ sequestered by the land-cover change, at present value",
                             quantities: dioxide, price: UnitPrice(price.yuanPerQuotedUnit * factor, per: price.unit, priceYear: price.priceYear),
                             priceKey: CarbonSink.carbonPrice.name)
        } else {
            line = BatchLine(id: "co2-sequestered", label: "CO₂ sequestered a year by the land-cover change",
                             quantities: dioxide.map { $0 * (1 / years) }, price: price, priceKey: CarbonSink.carbonPrice.name)
        }
        // A loss is negative (an emission), as InVEST's c_change_bas_alt is; it is no error and needs no warning.
        return BatchResult(physical: change, in: .tonne, lines: [line])
    }

    /// An input the account values once (a line has one price): the same in every cell, a whole number if `whole`.
    private static func regionWide(_ key: InputKey<Ratio>, _ inputs: BatchReader, _ batch: CellBatch, whole: Bool = false) throws -> Double {
        let column = try inputs.ratios(key)
        let value = column[0]
        if whole, value != value.rounded() {
            throw inputs.error(KernelRejection(input: key.name, value: value, expected: "a whole number of years"), cell: 0)
        }
        for cell in 1..<max(1, batch.count) where column[cell] != value {
            throw inputs.error(KernelRejection(input: key.name, value: column[cell],
                                               expected: "\(value), as in the first unit: the line is priced once for the region"), cell: cell)
        }
        return value
    }
}

/// InVEST's annual water yield (natcap.invest 3.20 `annual_water_yield`): the precipitation not evapotranspired, by
/// Fu's Budyko curve, valued at reservoir cost like water conservation (of which it is an upper bound: it includes
/// storm runoff). Its class parameters read InVEST's biophysical table as it is (`kc`, `root_depth`, `lulc_veg`).
///
/// The formula, its variables, domain rules and sources are documented once, on ``InVESTKernel``.
public struct InVESTAnnualWaterYield: BatchAssessable {
    public enum Keys {
        public static let precipitation = WaterConservation.Keys.precipitation
        public static let referenceEvapotranspiration = InputKey<Length>("reference-evapotranspiration")
        public static let soilDepth = InputKey<Length>("root-restricting-depth")
        public static let plantAvailableWater = InputKey<Ratio>("plant-available-water")
        public static let seasonality = InputKey<Ratio>("seasonality-constant")
        public static let cropCoefficient = InputKey<Ratio>("kc")
        public static let rootDepth = InputKey<Length>("root-depth")
        public static let vegetated = InputKey<Ratio>("lulc-veg")
    }

    public let id: ServiceID = "invest-annual-water-yield"
    public let name = "annual water yield (InVEST)"
    public let localName = "产水量（InVEST）"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "m³"
    public let methods = [ServiceMethod(
        id: "budyko-fu",
        formula: InVESTKernel.waterYieldFormula,
        source: "natcap/invest 3.20 annual_water_yield.py (fractp_op, wyield_op); Fu 1981; Zhang et al. 2004",
        inputs: [
            InputRequirement(Keys.precipitation, "annual precipitation P (mm)", scope: .perEcosystemType),
            InputRequirement(Keys.referenceEvapotranspiration, "annual reference evapotranspiration ET₀ (mm)", scope: .perEcosystemType),
            InputRequirement(Keys.soilDepth, "depth to the root-restricting layer (mm)", scope: .perEcosystemType),
            InputRequirement(Keys.plantAvailableWater, "plant available water content PAWC (0–1)", scope: .perEcosystemType, domain: .fraction),
            InputRequirement(Keys.seasonality, "seasonality constant Z (1–30)", domain: .range(1...30)),
            InputRequirement(Keys.cropCoefficient, "crop coefficient Kc of the class", scope: .perEcosystemType),
            InputRequirement(Keys.rootDepth, "root depth of the class (mm)", scope: .perEcosystemType),
            InputRequirement(Keys.vegetated, "1 for a vegetated class (Budyko curve), 0 otherwise (AET = min(Kc·ET₀, P))",
                             scope: .perEcosystemType, domain: .fraction),
        ],
        prices: [PriceRequirement(WaterConservation.Keys.reservoirConstructionCost, "reservoir construction cost per m³ C_res")]
    )]

    public init() {}

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        let types = batch.types(excluding: [])
        var yielded = BatchBreakdown<Volume>(batch, types: types)
        var warnings: [Int: [WarningText]] = [:]
        let seasonality = try inputs.ratios(Keys.seasonality)
        for (column, t) in types.enumerated() {
            let type = batch.types[t]
            let precipitation = try inputs.column(Keys.precipitation, for: type), reference = try inputs.column(Keys.referenceEvapotranspiration, for: type)
            let soilDepth = try inputs.column(Keys.soilDepth, for: type), rootDepth = try inputs.column(Keys.rootDepth, for: type)
            let water = try inputs.ratios(Keys.plantAvailableWater, for: type), kc = try inputs.ratios(Keys.cropCoefficient, for: type)
            let vegetated = try inputs.ratios(Keys.vegetated, for: type)
            let millimetre = MeasurementUnit<Length>.millimetre
            for cell in 0..<batch.count {
                guard vegetated[cell] == 0 || vegetated[cell] == 1 else {
                    throw inputs.error(KernelRejection(input: Keys.vegetated.name, value: vegetated[cell], expected: "0 or 1"), cell: cell, for: type)
                }
                let output = InVESTKernel.waterYield(.init(
                    precipitation: precipitation[cell].value(in: millimetre), referenceEvapotranspiration: reference[cell].value(in: millimetre),
                    cropCoefficient: kc[cell], rootDepth: rootDepth[cell].value(in: millimetre), soilDepth: soilDepth[cell].value(in: millimetre),
                    plantAvailableWater: water[cell], vegetated: vegetated[cell] == 1, seasonality: seasonality[cell]))
                if let warning = output.warning { warnings[cell, default: []].append(WarningText { "\(type.rawValue): \(warning)" }) }
                yielded[cell, column] = Quantity<Depth>(output.value, millimetre) * batch.area(cell: cell, type: t)
            }
        }
        let line = BatchLine(id: "water-yield", label: "water yield", amounts: yielded,
                             price: try prices.unitPrice(WaterConservation.Keys.reservoirConstructionCost),
                             priceKey: WaterConservation.Keys.reservoirConstructionCost.name)
        return BatchResult(physical: yielded, in: .cubicMetre, lines: [line], warnings: warnings)
    }
}
