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
        for (name, value) in [("landcover.tif", { (x: Int) in x < 10 ? 11.0 : 21 }), ("zones.tif", { _ in 1.0 })] {
            let dataset = try RasterDataset.createGeoTIFF(folder.appendingPathComponent(name).path, grid: grid, options: .init(noData: 0, unit: ""))
            try dataset.band(1).write((0..<200).map { value($0 % 20) }, to: .init(x: 0, y: 0, width: 20, height: 10))
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
