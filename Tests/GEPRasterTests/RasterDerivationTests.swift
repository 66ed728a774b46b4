import Foundation
import GEPCore
import GEPModelFiles
import GEPRaster
import GEPServices
import Testing

/// Inputs derived per pixel in a raster model file: K from texture grids (EPIC) and LS from a DEM (McCool and
/// Desmet–Govers), feeding soil retention, against the sum worked by hand in Python.
@Suite("Raster derivations")
struct RasterDerivationTests {
    static let width = 30, height = 24

    static let modelText = """
    kind: raster-region
    sources: {t: "a generated test grid"}
    region: {id: slope, name: Slope}
    year: 2022
    report-year: 2010
    prices: PRICES
    deflator: DEFLATOR
    services:
      - id: soil-retention
    inputs:
      rainfall-erosivity: {value: 1000, unit: "MJ·mm/(ha·h·a)", source: t, status: assumed, note: test}
      cover-management: {value: 0.006, unit: "", source: t, status: assumed, note: test}
      support-practice: {value: 1, unit: "", source: t, status: assumed, note: test}
      sediment-deposition-ratio: {value: 0.24, unit: "", source: t, status: assumed, note: test}
      soil-bulk-density: {value: 1.2, unit: t/m³, source: t, status: assumed, note: test}
      soil-nitrogen-content: {value: 0.1, unit: "%", source: t, status: assumed, note: test}
      soil-phosphorus-content: {value: 0.05, unit: "%", source: t, status: assumed, note: test}
    land-cover: {path: landcover.tif, source: t, status: assumed, note: test}
    classes:
      - {code: 1, type: deciduous-needleleaf-forest}
    zones:
      path: zones.tif
      source: t
      status: assumed
      note: the grid without its border
      units:
        - {code: 1, id: hill, name: Hill}
    grids:
      soil-erodibility:
        derive: epic-erodibility
        source: t
        status: assumed
        note: a uniform loam
        sand: {path: sand.tif, unit: "%"}
        silt: {value: 0.4, unit: ""}
        clay: {path: clay.tif, unit: "%"}
        organic-carbon: {value: 1.5, unit: "%"}
      slope-length-steepness:
        derive: rusle-ls
        source: t
        status: assumed
        note: a plane of 4 % slope facing south
        elevation: {path: dem.tif, unit: m}

    """

    /// Writes the rasters and the model file (with `edit` applied to its text) and returns the model file's path.
    static func fixture(_ edit: (String) -> String = { $0 }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-derived-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let grid = RasterGrid(width: width, height: height, geoTransform: [500_000, 30, 0, 5_600_000, 0, -30],
                              projection: try RasterGrid.projection(epsg: 32651))
        func write(_ name: String, noData: Double, _ value: (Int, Int) -> Double) throws {
            var options = RasterDataset.GeoTIFFOptions(noData: noData, unit: "")
            options.tileSize = 16
            let dataset = try RasterDataset.createGeoTIFF(folder.appendingPathComponent(name).path, grid: grid, options: options)
            let values = (0..<height).flatMap { y in (0..<width).map { x in value(x, y) } }
            try dataset.band(1).write(values, to: .init(x: 0, y: 0, width: width, height: height))
        }
        try write("landcover.tif", noData: 0) { _, _ in 1 }
        try write("zones.tif", noData: 0) { x, y in x == 0 || y == 0 || x == width - 1 || y == height - 1 ? 0 : 1 }
        try write("sand.tif", noData: -1) { _, _ in 40 }
        try write("clay.tif", noData: -1) { _, _ in 20 }
        try write("dem.tif", noData: -9999) { _, y in 500 - 0.04 * 30 * Double(y) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = edit(modelText.replacingOccurrences(of: "PRICES", with: root.appendingPathComponent("models/prices/gep-guideline-2010.yaml").path)
            .replacingOccurrences(of: "DEFLATOR", with: root.appendingPathComponent("models/prices/china-cpi.yaml").path))
        let model = folder.appendingPathComponent("slope.yaml")
        try text.write(to: model, atomically: true, encoding: .utf8)
        return model
    }

    @Test("soil retained on a 4 % plane with EPIC K and LS from the DEM is 3566.573 t (worked in Python), on any thread count")
    func soilRetentionFromDerivedGrids() throws {
        let path = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let model = try RasterModelFile.read(path.path, registry: BuiltInServices.registry())
        #expect(model.derivedGrids.map(\.key) == ["soil-erodibility", "slope-length-steepness"])
        // Σ over the 28 × 22 interior pixels of 1000 · K · S · L(row) · (1 − 0.006) · 0.09 ha, with K = 0.034300 from
        // EPIC, S = 10.8 sin θ + 0.03 and L for the row's upslope area (row × 900 m²).
        for threads in [1, 2] {
            let run = try model.run(with: BuiltInServices.registry(), threads: threads).run
            #expect(abs(run.services[0].physical[0] - 3566.573026787137) < 1e-9 * 3566.573026787137)
        }
    }

    @Test("a derived grid's unit, period count, missing operand and unknown derivation each get one message naming the field")
    func fileRefusals() throws {
        let cases: [(String, String, String)] = [
            ("sand: {path: sand.tif, unit: \"%\"}", "sand: {path: sand.tif, unit: m}", "sand is in \"m\"; expected \"%\" or another unit of ratio"),
            ("organic-carbon: {value: 1.5, unit: \"%\"}", "organic-carbon: {values: [1, 2], unit: \"%\"}", "organic-carbon gives 2 values or rasters; expected one"),
            ("    organic-carbon: {value: 1.5, unit: \"%\"}\n", "", "needs organic-carbon: topsoil organic carbon content, in %"),
            ("derive: rusle-ls", "derive: flow-length", "unknown derivation \"flow-length\" for slope-length-steepness; expected one of rusle-ls"),
        ]
        for (from, to, expected) in cases {
            let path = try Self.fixture { $0.replacingOccurrences(of: from, with: to) }
            defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
            let error = #expect(throws: ModelFileError.self) { try RasterModelFile.read(path.path, registry: BuiltInServices.registry()) }
            #expect(error.map { String(describing: $0) }?.contains(expected) == true, "\(String(describing: error))")
            #expect(error.map { String(describing: $0) }?.contains("slope.yaml") == true)
        }
    }

    @Test("a texture over 100 % at one pixel stops the run before any output, naming the pixel")
    func pixelRefusal() throws {
        let path = try Self.fixture()
        let folder = path.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try RasterDataset.open(folder.appendingPathComponent("sand.tif").path).grid()
        do {
            let dataset = try RasterDataset.createGeoTIFF(folder.appendingPathComponent("sand.tif").path, grid: grid,
                                                          options: .init(noData: -1, unit: "%"))
            try dataset.band(1).write((0..<(Self.width * Self.height)).map { $0 == 5 * Self.width + 7 ? 70 : 40 },
                                      to: .init(x: 0, y: 0, width: Self.width, height: Self.height))
            try dataset.flush()
        }
        let model = try RasterModelFile.read(path.path, registry: BuiltInServices.registry())
        let out = folder.appendingPathComponent("out").path
        let error = #expect(throws: RasterError.self) { try model.run(with: BuiltInServices.registry(), outputDirectory: out) }
        #expect(error?.message.contains("deriving soil-erodibility at column 7, row 5: sand is 70; expected sand, silt and clay together at most 100 %") == true,
                "\(String(describing: error))")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty)
    }
}
