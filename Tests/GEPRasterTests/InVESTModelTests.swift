import Foundation
import GEPCore
import GEPModelFiles
import GEPRaster
import GEPServices
import Testing

/// InVEST's carbon and annual water yield per pixel, on InVEST's own table layout, against values worked by hand in
/// Python from InVEST 3.20's equations (`carbon.py`, `annual_water_yield.py` `fractp_op`).
@Suite("InVEST models")
struct InVESTModelTests {
    /// P 500 mm, ET₀ 600 mm, Kc 0.8, root depth 2000 mm, soil depth 1500 mm, PAWC 0.15, Z 5: ω = 3.5, AET/P = 0.76475.
    static let larch = InVESTKernel.WaterYieldFactors(precipitation: 500, referenceEvapotranspiration: 600, cropCoefficient: 0.8,
                                                      rootDepth: 2000, soilDepth: 1500, plantAvailableWater: 0.15, vegetated: true,
                                                      seasonality: 5)

    @Test("Budyko–Fu water yield: a humid larch pixel, ω capped at 5, a dry pixel, water at min(Kc·ET₀, P), and no rain")
    func waterYieldKernel() {
        #expect(abs(InVESTKernel.waterYield(Self.larch).value - 117.62746935408875) < 1e-12)
        var deep = Self.larch
        (deep.rootDepth, deep.soilDepth, deep.plantAvailableWater) = (3000, 2500, 0.3)
        #expect(abs(InVESTKernel.waterYield(deep).value - 83.3303685778568) < 1e-12)
        var dry = Self.larch
        (dry.precipitation, dry.referenceEvapotranspiration, dry.cropCoefficient) = (300, 900, 0.9)
        #expect(abs(InVESTKernel.waterYield(dry).value - 1.1258716560870852) < 1e-12)
        var water = Self.larch
        (water.vegetated, water.cropCoefficient) = (false, 0.5)
        #expect(InVESTKernel.waterYield(water).value == 200)
        water.cropCoefficient = 1
        #expect(InVESTKernel.waterYield(water).value == 0, "AET capped at P")
        var none = Self.larch
        none.precipitation = 0
        #expect(InVESTKernel.waterYield(none).value == 0 && InVESTKernel.waterYield(none).warning != nil)
    }

    static let biophysical = """
    lucode,lulc_name,lulc_veg,root_depth,Kc,LULC_desc
    11,forest,1,2000,0.8,Larch forest
    21,water,0,1,0.5,River
    31,urban,0,1,0.3,not on this map

    """
    static let carbonPools = """
    lucode,LULC_Name,c_above,c_below,c_soil,c_dead
    11,forest,60,15,80,5
    21,water,0,0,0,0

    """

    static func modelText(_ root: URL) -> String {
        """
        kind: raster-region
        sources: {t: "a generated test grid"}
        region: {id: basin, name: Basin}
        year: 2022
        prices: \(root.appendingPathComponent("models/prices/gep-guideline-2010.yaml").path)
        deflator: \(root.appendingPathComponent("models/prices/china-cpi.yaml").path)
        services:
          - id: invest-carbon
            in-total: false
          - id: invest-annual-water-yield
        inputs:
          seasonality-constant: {value: 5, unit: "", source: t, status: assumed, note: test}
          precipitation: {value: 500, unit: mm, source: t, status: assumed, note: test}
          reference-evapotranspiration: {value: 600, unit: mm, source: t, status: assumed, note: test}
          root-restricting-depth: {value: 1500, unit: mm, source: t, status: assumed, note: test}
          plant-available-water: {value: 0.15, unit: "", source: t, status: assumed, note: test}
        land-cover: {path: landcover.tif, source: t, status: assumed, note: test}
        classes:
          - {code: 11, type: deciduous-needleleaf-forest}
          - {code: 21, type: river}
        class-tables:
          - {path: biophysical.csv, units: {root_depth: mm, Kc: "", lulc_veg: ""}, source: t, status: assumed, note: InVEST layout}
          - {path: carbon_pools.csv, units: {c_above: t/ha, c_below: t/ha, c_soil: t/ha, c_dead: t/ha}, source: t, status: assumed, note: InVEST layout}
        zones:
          path: zones.tif
          source: t
          status: assumed
          note: one zone
          units:
            - {code: 1, id: basin, name: Basin}

        """
    }

    /// 20 × 10 pixels of 30 m: larch (11) on the left half, river (21) on the right; one zone.
    static func fixture(_ edit: (String) -> String = { $0 }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-invest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let grid = RasterGrid(width: 20, height: 10, geoTransform: [500_000, 30, 0, 5_600_000, 0, -30], projection: try RasterGrid.projection(epsg: 32651))
        // The alternative map: larch only on the first 6 columns, and no class in the last pixel (a river pixel).
        let layers: [(String, (Int) -> Double)] = [("landcover.tif", { $0 % 20 < 10 ? 11 : 21 }), ("zones.tif", { _ in 1 }),
                                                   ("alternative.tif", { $0 == 199 ? 0 : $0 % 20 < 6 ? 11 : 21 })]
        for (name, value) in layers {
            let dataset = try RasterDataset.createGeoTIFF(folder.appendingPathComponent(name).path, grid: grid, options: .init(noData: 0, unit: ""))
            try dataset.band(1).write((0..<200).map(value), to: .init(x: 0, y: 0, width: 20, height: 10))
        }
        try biophysical.write(to: folder.appendingPathComponent("biophysical.csv"), atomically: true, encoding: .utf8)
        try carbonPools.write(to: folder.appendingPathComponent("carbon_pools.csv"), atomically: true, encoding: .utf8)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let model = folder.appendingPathComponent("basin.yaml")
        try edit(modelText(root)).write(to: model, atomically: true, encoding: .utf8)
        return model
    }

    @Test("InVEST's tables as they are: 1440 t C and 28 586.47 m³ of water yield on the basin, t/ha and m³/ha per pixel")
    func rasterRunOnInVESTTables() throws {
        let path = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let model = try RasterModelFile.read(path.path, registry: BuiltInServices.registry())
        let out = path.deletingLastPathComponent().appendingPathComponent("out").path
        let raster = try model.run(with: BuiltInServices.registry(), outputDirectory: out)
        // 100 larch pixels × 0.09 ha × (60 + 15 + 80 + 5) t/ha; the river holds none.
        #expect(abs(raster.run.services[0].physical[0] - 1440) < 1e-9)
        // 100 × 900 m² × 0.117627 m (larch) + 100 × 900 m² × 0.2 m (river: AET = 0.5 × 600 mm).
        #expect(abs(raster.run.services[1].physical[0] - 28_586.472241867988) < 1e-9)
        var values: [Double] = []
        try RasterDataset.open(raster.outputs[1]).band(1).read(.init(x: 3, y: 4, width: 1, height: 1), into: &values)
        #expect(abs(values[0] - 1176.2746935408875) < 1e-3, "m³/ha = 10 × mm, as 32-bit floats")
    }

    /// The carbon model with sequestration between the fixture's two maps, by `method`.
    static func sequestrationFixture(method: String, alternative: String? = "alternative.tif") throws -> URL {
        let waterYield = ["seasonality-constant:", "precipitation:", "reference-evapotranspiration:", "root-restricting-depth:",
                          "plant-available-water:", "biophysical.csv"]
        let valuation = method == "npv" ? """
              discount-rate: {value: 7, unit: "%", source: t, status: assumed, note: test}
              price-change-rate: {value: 0, unit: "%", source: t, status: assumed, note: test}

            """ : ""
        return try fixture { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in !waterYield.contains { line.contains($0) } }
                .joined(separator: "\n")
                .replacingOccurrences(of: "  - id: invest-annual-water-yield\n", with: "  - {id: invest-carbon-sequestration, method: \(method), in-total: false}\n")
                .replacingOccurrences(of: "inputs:\n", with: """
                    inputs:
                      years-between-maps: {value: 10, unit: "", source: t, status: assumed, note: 2020 to 2030}

                    """ + valuation)
                .replacingOccurrences(of: "classes:\n", with: alternative.map { "alternative-land-cover: {path: \($0), source: t, status: assumed, note: test}\nclasses:\n" } ?? "classes:\n")
        }
    }

    @Test("sequestration between two maps: 40 larch pixels become river, −576 t C; −211.2 t CO₂ a year over 10 years")
    func sequestrationStockChange() throws {
        let path = try Self.sequestrationFixture(method: "stock-change")
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let model = try RasterModelFile.read(path.path, registry: BuiltInServices.registry())
        let out = path.deletingLastPathComponent().appendingPathComponent("out").path
        let raster = try model.run(with: BuiltInServices.registry(), outputDirectory: out)
        #expect(raster.skippedPixels == 1, "the pixel without a class in the alternative map")
        #expect(abs(raster.run.services[0].physical[0] - 1440) < 1e-9, "the skipped pixel is a river pixel: storage unchanged")
        // 40 pixels × 0.09 ha × (0 − 160) t C/ha; CO₂ = × 44/12, a year = ÷ 10.
        #expect(abs(raster.run.services[1].physical[0] - -576) < 1e-9)
        let account = raster.run.account
        let line = try #require(account.lines.firstIndex { $0.line == "co2-sequestered" })
        #expect(abs(account.physical[0, line] - -211.2) < 1e-9)
        var values: [Double] = []
        try RasterDataset.open(raster.outputs[1]).band(1).read(.init(x: 7, y: 2, width: 3, height: 1), into: &values)
        #expect(values == [-160, -160, -160], "t C/ha where larch became river")

        // The same with the zone given as a polygon, which the run burns onto the grid first (a copy of the model).
        let polygons = path.deletingLastPathComponent().appendingPathComponent("basin.gpkg").path
        try VectorLayer.writeGeoPackage(polygons, layer: "basin", projection: try RasterGrid.projection(epsg: 32651), field: "code",
                                        polygons: [(code: 1, wkt: "POLYGON ((500000 5599700, 500600 5599700, 500600 5600000, 500000 5600000, 500000 5599700))")])
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "  path: zones.tif\n", with: "  path: basin.gpkg\n  field: code\n")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let burnt = try RasterModelFile.read(path.path, registry: BuiltInServices.registry()).run(with: BuiltInServices.registry())
        #expect(burnt.run.services[1].physical == raster.run.services[1].physical && burnt.skippedPixels == 1)
    }

    @Test("sequestration at InVEST's net present value: the carbon price × 0.7515232248797884 at 7 % over 10 years")
    func sequestrationPresentValue() throws {
        // (1/10)·Σ_{k=0}^{9} 1.07^−k, summed term by term in Python.
        #expect(abs(InVESTKernel.presentValueFactor(years: 10, discountRate: 0.07, priceChange: 0) - 0.7515232248797884) < 1e-15)
        #expect(abs(InVESTKernel.presentValueFactor(years: 10, discountRate: 0.07, priceChange: 0.02) - 0.6961275455217623) < 1e-15)
        #expect(InVESTKernel.presentValueFactor(years: 4, discountRate: 0, priceChange: 0) == 1, "r = 1: no discounting")
        let path = try Self.sequestrationFixture(method: "npv")
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let account = try RasterModelFile.read(path.path, registry: BuiltInServices.registry()).run(with: BuiltInServices.registry()).run.account
        let stored = try #require(account.lines.firstIndex { $0.line == "co2-stored" })
        let npv = try #require(account.lines.firstIndex { $0.line == "co2-sequestered-npv" })
        #expect(abs(account.physical[0, npv] - -2112) < 1e-9, "all the CO₂ of the change, −576 × 44/12")
        #expect(abs(account.prices[npv] / account.prices[stored] - 0.7515232248797884) < 1e-12)
    }

    @Test("sequestration refusals: no alternative map, a class of the alternative map without a row, years not whole")
    func sequestrationRefusals() throws {
        let registry = BuiltInServices.registry()
        let none = try Self.sequestrationFixture(method: "stock-change", alternative: nil)
        defer { try? FileManager.default.removeItem(at: none.deletingLastPathComponent()) }
        let missing = #expect(throws: ModelFileError.self) { try RasterModelFile.read(none.path, registry: registry) }
        #expect(missing.map { String(describing: $0) }?.contains("alternative-land-cover") == true, "\(String(describing: missing))")

        let path = try Self.sequestrationFixture(method: "stock-change")
        let folder = path.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try RasterDataset.open(folder.appendingPathComponent("landcover.tif").path).grid()
        do {
            let dataset = try RasterDataset.createGeoTIFF(folder.appendingPathComponent("alternative.tif").path, grid: grid, options: .init(noData: 0, unit: ""))
            try dataset.band(1).write((0..<200).map { $0 == 57 ? 41 : 11 }, to: .init(x: 0, y: 0, width: 20, height: 10))
        }
        let out = folder.appendingPathComponent("out").path
        let unknown = #expect(throws: RasterError.self) { try RasterModelFile.read(path.path, registry: registry).run(with: registry, outputDirectory: out) }
        #expect(unknown.map { String(describing: $0) }.map { $0.contains("alternative.tif") && $0.contains("class 41 at column 17, row 2") } == true,
                "\(String(describing: unknown))")
        #expect(!FileManager.default.fileExists(atPath: out + "/invest-carbon.tif"), "no output before the check")

        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "{value: 10, unit: \"\"", with: "{value: 10.5, unit: \"\"")
        try text.write(to: path, atomically: true, encoding: .utf8)
        do {
            let dataset = try RasterDataset.createGeoTIFF(folder.appendingPathComponent("alternative.tif").path, grid: grid, options: .init(noData: 0, unit: ""))
            try dataset.band(1).write((0..<200).map { _ in 21 }, to: .init(x: 0, y: 0, width: 20, height: 10))
        }
        let fractional = #expect(throws: InputError.self) { try RasterModelFile.read(path.path, registry: registry).run(with: registry) }
        #expect(fractional.map { String(describing: $0) }?.contains("a whole number of years") == true, "\(String(describing: fractional))")
    }

    @Test("a class without a row, a read column without a unit, and a unit of the wrong dimension: one message each, naming the file")
    func tableRefusals() throws {
        let cases: [(String, String, String)] = [
            ("  - {code: 21, type: river}", "  - {code: 21, type: river}\n  - {code: 41, type: meadow}", "biophysical.csv has no row for class 41"),
            ("units: {root_depth: mm, Kc: \"\", lulc_veg: \"\"}", "units: {root_depth: mm, lulc_veg: \"\"}", "column Kc of"),
            ("c_dead: t/ha}", "c_dead: m}", "c_dead"),
        ]
        for (from, to, expected) in cases {
            let path = try Self.fixture { $0.replacingOccurrences(of: from, with: to) }
            defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
            let error = #expect(throws: ModelFileError.self) { try RasterModelFile.read(path.path, registry: BuiltInServices.registry()) }
            #expect(error.map { String(describing: $0) }?.contains(expected) == true, "\(String(describing: error))")
        }
    }
}
