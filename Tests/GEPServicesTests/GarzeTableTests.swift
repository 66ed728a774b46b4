import Foundation
import GEPCore
import GEPServices
import Testing

/// Garzê 2010 end to end: 白玛卓嘎, 肖燚, 欧阳志云, 王莉雁, 甘孜藏族自治州生态系统生产总值核算研究, 生态学报 2017,
/// 37(19): 6302–6312, Table 3 (physical quantities, unit prices and values in 亿元) and Table 1 (areas).
///
/// Every row whose printed inputs allow it is recomputed by GEPKit (the services where the paper gives their inputs,
/// the kernels where it gives an intermediate quantity, the account for the valuation and the category sums) and
/// compared with the printed value to four significant figures, or to every printed digit where the table prints
/// fewer. Rows whose printed inputs are rounded to two or three figures are compared at that precision; rows the
/// paper gives as statistics (farm, forest, livestock and fishery output) or without a unit price (tourism, the
/// reservoirs' storage) enter the category sums as printed. The sums are then the paper's: 632.64, 6842.28 (pest
/// control included, as the table sums it) and 70.67, and GEP 7545.59 亿元.
@Suite("Garzê 2010, Table 3, end to end")
struct GarzeTableTests {
    /// Table 1, km²: forest, shrub, grassland, wetland (as marsh), farmland, town, and glaciers and snowfield with bare
    /// land (1259.91 + 8463.19: GEPKit has no glacier type, and no row below reads either).
    static let garze = unit([
        .evergreenNeedleleafForest: 31_920.60, .shrubland: 32_283.46, .meadow: 71_113.87, .marsh: 2_864.27, .cropland: 1_707.87,
        .builtUp: 74.53, .bareLand: 9_723.10,
    ], id: "garze")

    /// Table 3's unit prices, 2010.
    static let prices = PriceBook(name: "Garzê 2010, Table 3", prices: [
        price("product:domestic-water", 2.6, per: "m³"), price("product:industrial-water", 3.6, per: "m³"),
        price("product:agricultural-water", 0.07, per: "m³"), price("product:hydropower", 0.53, per: "kWh"),
        price("so2-treatment-cost", 1200, per: "t"), price("nox-treatment-cost", 630, per: "t"), price("dust-treatment-cost", 150, per: "t"),
        price("cod-treatment-cost", 700, per: "t"), price("ammonia-nitrogen-treatment-cost", 875, per: "t"),
        price("phosphorus-removal-cost", 2800, per: "t"),
    ])

    /// A printed value in 亿元 and the precision its printed inputs carry.
    struct Row {
        let name: String
        let printed: Double
        let figures: Int
    }

    /// Whether `value` (亿元) agrees with `printed` to `figures` significant figures, or to every digit printed
    /// (`decimals`) where that is coarser: half a unit of the coarser of the two last places.
    static func agrees(_ value: Double, _ printed: Double, figures: Int, decimals: Int = 4) -> Bool {
        let figure = pow(10, floor(log10(abs(printed))) - Double(figures - 1))
        return abs(value - printed) <= max(figure, pow(10, -Double(decimals))) / 2
    }

    static func yi(_ money: Money) -> Double { money.yuan / 1e8 }

    /// The services and lines the paper's printed inputs give, valued by GEPKit, with each line's printed value.
    static func reproducedResults() throws -> (results: [ServiceResult], rows: [String: Row]) {
        var results: [ServiceResult] = []
        // Provisioning: water supply by use (亿 m³) and hydropower (亿 kWh) at market prices, through the service.
        let products = Inputs([
            single("product:domestic-water", 1.36, "亿m³"), single("product:industrial-water", 150.17, "亿m³"),
            single("product:agricultural-water", 17.31, "亿m³"), single("product:hydropower", 95.30, "亿kWh"),
        ])
        results.append(try ProvisioningProducts().evaluate(garze, inputs: products, prices: prices))
        // Air and water purification: the paper counts the emitted loads as purified (净化量 = 排放量), which is the
        // services' cap: uptake rates far above the loads leave the cap binding.
        let types: [EcosystemType] = [.evergreenNeedleleafForest, .shrubland, .meadow, .marsh, .cropland]
        func generous(_ key: String) -> Input { byType(key, Dictionary(uniqueKeysWithValues: types.map { ($0, 1e-3) }), "t/m²") }
        results.append(try AirPurification().evaluate(garze, inputs: Inputs([
            generous("so2-uptake-rate"), single("so2-emissions", 1137, "t"), generous("nox-uptake-rate"), single("nox-emissions", 2772, "t"),
            generous("dust-retention-rate"), single("dust-emissions", 941, "t"),
        ]), prices: prices))
        results.append(try WaterPurification().evaluate(garze, inputs: Inputs([
            generous("cod-removal-rate"), single("cod-load", 5424, "t"), generous("ammonia-nitrogen-removal-rate"),
            single("ammonia-nitrogen-load", 625, "t"), generous("total-phosphorus-removal-rate"), single("total-phosphorus-load", 0, "t"),
        ]), prices: prices))
        // Lines whose quantity the paper prints, valued at its 2010 price through GEPKit's valued lines.
        func line<D>(_ id: String, _ quantity: Quantity<D>, _ price: Double, per unit: MeasurementUnit<D>) -> ValuedLine {
            ValuedLine(id: id, label: id, quantity: quantity, price: UnitPrice(price, per: unit, priceYear: 2010), priceKey: id)
        }
        func result(_ service: ServiceID, _ lines: ValuedLine...) -> ServiceResult {
            ServiceResult(service: service, category: .regulating, unit: garze.id, method: "Garzê Table 3", physical: lines[0].quantity, lines: lines)
        }
        results.append(result("water-conservation", line("water-retained", Quantity(321.49, .hundredMillionCubicMetres), 7.06, per: .cubicMetre)))
        // Soil retention: the printed siltation volume and N and P masses (the kernel's own check is below).
        results.append(result("soil-retention",
                              line("siltation-avoided", Quantity(10.03, .hundredMillionCubicMetres), 15.58, per: .cubicMetre),
                              line("nitrogen-kept", Quantity(1437.94, .tenThousandTonnes), 875, per: .tonne),
                              line("phosphorus-kept", Quantity(419.72, .tenThousandTonnes), 2800, per: .tonne)))
        // Wind-sand fixation: 779.42 万 t of sand over ρ = 1.28 t/m³ and h = 0.1 m (the kernel), at 3.75 元/m².
        let land = WindSandFixationKernel.landKeptFromDesertification(sand: Quantity(779.42, .tenThousandTonnes),
                                                                      bulkDensity: Quantity(1.28, .tonnePerCubicMetre), coverDepth: Quantity(0.1, .metre))
        results.append(result("wind-sand-fixation", line("land-kept", land, 3.75, per: .squareMetre)))
        results.append(result("flood-regulation", line("lake-storage", Quantity(2.43, .hundredMillionCubicMetres), 7.06, per: .cubicMetre),
                              line("marsh-storage", Quantity(6.00, .hundredMillionCubicMetres), 7.06, per: .cubicMetre)))
        results.append(result("oxygen-release", line("oxygen-released", Quantity(2.51e8, .tonne), 727, per: .tonne)))
        results.append(result("carbon-sink", line("co2-fixed", Quantity(0.31e8, .tonne), 380, per: .tonne)))
        results.append(result("climate-regulation",
                              line("transpiration-cooling", Quantity(2799.10, .hundredMillionKilowattHours), 0.53, per: .kilowattHour),
                              line("evaporation-cooling", Quantity(1272.35, .hundredMillionKilowattHours), 0.53, per: .kilowattHour)))
        // Pest control (not a GEPKit service; the paper sums it into the regulating services): 万 hm² × 元/hm².
        results.append(result("pest-control", line("forest-pest-control", Quantity(158e4, .hectare), 375, per: .hectare),
                              line("grassland-pest-control", Quantity(711.13e4, .hectare), 112.5, per: .hectare)))
        let rows: [String: Row] = [
            "domestic-water": Row(name: "生活用水 (1.36 亿 m³, three figures)", printed: 3.5400, figures: 3),
            "industrial-water": Row(name: "工业用水", printed: 540.6113, figures: 4),
            "agricultural-water": Row(name: "农业用水", printed: 1.2117, figures: 4),
            "hydropower": Row(name: "水电", printed: 50.5090, figures: 4),
            "so2": Row(name: "净化 SO₂", printed: 0.0136, figures: 4), "nox": Row(name: "净化氮氧化物", printed: 0.0175, figures: 4),
            "dust": Row(name: "净化工业粉尘", printed: 0.0014, figures: 4),
            "cod": Row(name: "净化 COD", printed: 0.0380, figures: 4), "ammonia-nitrogen": Row(name: "净化氨氮", printed: 0.0055, figures: 4),
            "water-retained": Row(name: "水源涵养", printed: 2269.7074, figures: 4),
            "siltation-avoided": Row(name: "减少泥沙淤积", printed: 156.2555, figures: 4),
            "nitrogen-kept": Row(name: "减少 N 面源污染", printed: 125.8199, figures: 4),
            "phosphorus-kept": Row(name: "减少 P 面源污染", printed: 117.5226, figures: 4),
            "land-kept": Row(name: "防风固沙", printed: 2.2835, figures: 4),
            "lake-storage": Row(name: "湖泊调蓄 (2.43 亿 m³, three figures)", printed: 17.1430, figures: 3),
            "marsh-storage": Row(name: "沼泽调蓄 (6.00 亿 m³, three figures)", printed: 42.3436, figures: 3),
            "oxygen-released": Row(name: "释氧 (2.51 亿 t, three figures)", printed: 1821.9182, figures: 3),
            "co2-fixed": Row(name: "固碳 (0.31 亿 t, two figures)", printed: 117.3548, figures: 2),
            "transpiration-cooling": Row(name: "植被蒸腾降温增湿", printed: 1483.5208, figures: 4),
            "evaporation-cooling": Row(name: "水面蒸发降温增湿", printed: 674.3433, figures: 4),
            "forest-pest-control": Row(name: "森林病虫害控制", printed: 5.9250, figures: 4),
            "grassland-pest-control": Row(name: "草地病虫害控制", printed: 8.0003, figures: 4),
        ]
        return (results, rows)
    }

    @Test("every row the printed inputs allow agrees with Table 3: 17 rows to four figures, four to three, one to two")
    func rows() throws {
        let (results, rows) = try Self.reproducedResults()
        let account = try Account(results: results, reportYear: 2010)
        var seen = Set<String>()
        for (column, line) in account.lines.enumerated() {
            let value = account.values[0, column] / 1e8
            guard let row = rows[line.line] else {
                // The water-purification TP line: the paper has none, and the load of zero gives none.
                #expect(value == 0, "\(line.service) \(line.line): \(value) 亿元 for a line the table does not have")
                continue
            }
            seen.insert(line.line)
            #expect(Self.agrees(value, row.printed, figures: row.figures), "\(row.name): GEPKit \(value) 亿元, Table 3 \(row.printed)")
        }
        #expect(seen == Set(rows.keys))
        #expect(rows.values.filter { $0.figures == 4 }.count == 17)
    }

    @Test("the category sums and GEP: 632.64, 6842.28 and 70.67, and 7545.59 亿元")
    func sums() throws {
        let (results, rows) = try Self.reproducedResults()
        let account = try Account(results: results, reportYear: 2010)
        // GEPKit's value of each row reproduced to four figures, the printed value of the others (whose printed
        // inputs carry fewer figures: their small gaps, 3.3 亿元 for carbon and oxygen, are rounding, not method).
        func sum(_ category: ServiceCategory) -> Double {
            account.lines.indices.filter { account.lines[$0].category == category }.reduce(0) { sum, column in
                let row = rows[account.lines[column].line]
                return sum + (row.map { $0.figures < 4 } == true ? row?.printed ?? 0 : account.values[0, column] / 1e8)
            }
        }
        // Given as printed: farm, forestry, livestock and fishery output (statistics, Table 3), the reservoirs'
        // storage (0.35 × a total printed as 0.03 亿 m³) and tourism (358.68 万 visits, no price printed).
        let provisioning = sum(.provisioning) + 12.2875 + 2.3777 + 22.0760 + 0.0356
        let regulating = sum(.regulating) + 0.0684
        let cultural = 70.6669
        #expect(Self.agrees(provisioning, 632.64, figures: 4, decimals: 2), "provisioning \(provisioning)")
        #expect(Self.agrees(regulating, 6842.28, figures: 4, decimals: 2), "regulating \(regulating)")
        #expect(Self.agrees(cultural, 70.67, figures: 4, decimals: 2))
        let gep = provisioning + regulating + cultural
        #expect(Self.agrees(gep, 7545.59, figures: 4, decimals: 2), "GEP \(gep)")
        // The account's own totals are its lines' sums, category by category.
        expectRelative(Self.yi(account.gep), Self.yi(account.total(of: .provisioning)) + Self.yi(account.total(of: .regulating)))
        expectRelative(Self.yi(account.total(of: .provisioning)), 3.536 + 540.612 + 1.2117 + 50.509)
    }

    /// The kernels from the paper's primary quantities: soil retained 38.86 亿 t (§3.2.2) gives the printed
    /// siltation, N and P to four figures; 779.42 万 t of sand gives the printed 60.89 km² (§3.2.3).
    @Test("soil retained 38.86 亿 t gives 10.03 亿 m³, 1438 万 t N and 419.7 万 t P; 779.42 万 t of sand covers 60.89 km²")
    func kernelsFromPrimaryQuantities() {
        let avoided = SoilRetentionKernel.avoidedLosses(soil: Quantity(38.86e8, .tonne), depositionRatio: 0.24,
                                                        bulkDensity: Quantity(0.93, .tonnePerCubicMetre), nitrogenContent: 0.0037,
                                                        phosphorusContent: 0.00108)
        #expect(significant(avoided.siltation.value(in: .hundredMillionCubicMetres), 4) == 10.03)
        #expect(significant(avoided.nitrogen.value(in: .tenThousandTonnes), 4) == 1438)
        #expect(significant(avoided.phosphorus.value(in: .tenThousandTonnes), 4) == 419.7)
        let land = WindSandFixationKernel.landKeptFromDesertification(sand: Quantity(779.42, .tenThousandTonnes),
                                                                      bulkDensity: Quantity(1.28, .tonnePerCubicMetre), coverDepth: Quantity(0.1, .metre))
        #expect(significant(land.value(in: .squareKilometre), 4) == 60.89)
    }
}
