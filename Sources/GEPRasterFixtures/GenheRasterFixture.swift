import Foundation
import GEPRaster

/// A small, Genhe-like raster set for tests and benchmarks, generated (no real data ships with GEPKit): 30 m pixels
/// in UTM zone 51N, a river meandering north–south with marsh along it, larch and birch forest with meadow patches,
/// a DEM with the river's valley, a smooth precipitation field, and three zones (Manggui, Jinhe, the city) in
/// vertical thirds; with the raster region model that reads it.
///
/// `gep-raster-fixture SIZE FOLDER` writes one from the command line (`SIZE` 4000 for the benchmark set).
public enum GenheRasterFixture {
    /// Land-cover classes and the ecosystem types the model file maps them to.
    public static let classes: [(code: Int, type: String)] = [
        (1, "deciduous-needleleaf-forest"), (2, "deciduous-broadleaf-forest"), (3, "meadow"), (4, "marsh"), (5, "river"),
    ]

    /// Writes `landcover.tif`, `zones.tif`, `dem.tif`, `precipitation.tif` and `genhe-raster.yaml` into `folder`.
    ///
    /// - Parameters:
    ///   - size: pixels along each side.
    ///   - models: the package's `models/` folder, whose price book and deflator the model file names.
    /// - Returns: the path of the model file.
    /// - Throws: ``RasterError`` or a file error when a file cannot be written.
    @discardableResult
    public static func write(to folder: String, size: Int = 300, models: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let grid = RasterGrid(width: size, height: size, geoTransform: [400_000, 30, 0, 5_650_000, 0, -30],
                              projection: try RasterGrid.projection(epsg: 32651))
        let n = Double(size)
        func river(_ y: Int) -> Double { n / 2 + n / 8 * sin(Double(y) / n * 3 * .pi) }
        func distance(_ x: Int, _ y: Int) -> Double { abs(Double(x) - river(y)) }
        func layer(_ name: String, noData: Double, unit: String, _ value: (Int, Int) -> Double) throws {
            let dataset = try RasterDataset.createGeoTIFF((folder as NSString).appendingPathComponent(name), grid: grid,
                                                          options: .init(noData: noData, unit: unit, metadata: ["GEPKIT_FIXTURE": "generated Genhe-like set"]))
            let band = try dataset.band(1)
            for window in band.blocks() {
                var values: [Double] = []
                values.reserveCapacity(window.pixelCount)
                for y in window.y..<(window.y + window.height) {
                    for x in window.x..<(window.x + window.width) { values.append(value(x, y)) }
                }
                try band.write(values, to: window)
            }
            try dataset.flush()
        }
        try layer("landcover.tif", noData: 0, unit: "") { x, y in
            let d = distance(x, y)
            if d < 2 { return 5 }
            if d < 6 + 3 * sin(Double(y) / 17) { return 4 }
            let texture = sin(Double(x) * 0.07) + cos(Double(y) * 0.05) + sin(Double(x + y) * 0.03)
            return texture > 0.9 ? 3 : texture < -1.3 ? 2 : 1
        }
        try layer("zones.tif", noData: 0, unit: "") { x, _ in Double(1 + 3 * x / size) }
        try layer("dem.tif", noData: -9999, unit: "m") { x, y in 700 + 2.5 * distance(x, y) + 40 * sin(Double(x) / 23) * cos(Double(y) / 31) }
        try layer("precipitation.tif", noData: -1, unit: "mm") { x, y in 470 + 60 * Double(y) / n + 15 * sin(Double(x) / 50) }
        let model = (folder as NSString).appendingPathComponent("genhe-raster.yaml")
        try modelText(models: models).write(toFile: model, atomically: true, encoding: .utf8)
        return model
    }

    private static func modelText(models: String) -> String {
        let prices = (models as NSString).appendingPathComponent("prices")
        return """
        # A generated Genhe-like grid (GenheRasterFixture): not real data; the values are Genhe's region-wide inputs.
        kind: raster-region
        sources:
          fixture: "GenheRasterFixture, a generated raster set"
          genhe: "models/regions/genhe.yaml, the bundled Genhe model's inputs"
        region: {id: genhe-grid, name: Genhe (generated grid), local-name: 根河市}
        year: 2022
        prices: \(prices)/gep-guideline-2010.yaml
        deflator: \(prices)/china-cpi.yaml
        services:
          - id: water-conservation
          - id: soil-retention
          - id: flood-regulation
          - id: carbon-sink
            method: nep
          - id: oxygen-release
            method: nep
            in-total: false
        inputs:
          runoff-coefficient:
            by-ecosystem-type: {deciduous-needleleaf-forest: 0.88, deciduous-broadleaf-forest: 1.33, meadow: 8.20, marsh: 0, river: 0}
            unit: "%"
            source: genhe
            status: assumed
            note: as in the Genhe model
          evapotranspiration:
            by-ecosystem-type: {deciduous-needleleaf-forest: 291.6, deciduous-broadleaf-forest: 289.35, meadow: 340, marsh: 480, river: 520}
            unit: mm
            source: genhe
            status: assumed
            note: as in the Genhe model
          rainfall-erosivity: {value: 800, unit: "MJ·mm/(ha·h·a)", source: genhe, status: assumed, note: as in the Genhe model}
          soil-erodibility: {value: 0.025, unit: "t·ha·h/(ha·MJ·mm)", source: genhe, status: assumed, note: as in the Genhe model}
          slope-length-steepness: {value: 1.5, unit: "", source: genhe, status: assumed, note: as in the Genhe model}
          cover-management:
            by-ecosystem-type: {deciduous-needleleaf-forest: 0.006, deciduous-broadleaf-forest: 0.006, meadow: 0.04, marsh: 0.01}
            unit: ""
            source: genhe
            status: assumed
            note: as in the Genhe model
          support-practice: {value: 1, unit: "", source: genhe, status: assumed, note: as in the Genhe model}
          sediment-deposition-ratio: {value: 0.24, unit: "", source: genhe, status: assumed, note: as in the Genhe model}
          soil-bulk-density: {value: 1.1, unit: t/m³, source: genhe, status: assumed, note: as in the Genhe model}
          soil-nitrogen-content: {value: 0.39, unit: "%", source: genhe, status: assumed, note: as in the Genhe model}
          soil-phosphorus-content: {value: 0.1, unit: "%", source: genhe, status: assumed, note: as in the Genhe model}
          marsh-retention-depth: {value: 0.3, unit: m, source: genhe, status: assumed, note: as in the Genhe model}
          nep:
            by-ecosystem-type: {deciduous-needleleaf-forest: 194, deciduous-broadleaf-forest: 194, meadow: 50, marsh: 50}
            unit: gC/m²
            source: genhe
            status: assumed
            note: as in the Genhe model
        land-cover: {path: landcover.tif, source: fixture, status: assumed, note: generated patches}
        classes:
        \(classes.map { "  - {code: \($0.code), type: \($0.type)}" }.joined(separator: "\n"))
        zones:
          path: zones.tif
          source: fixture
          status: assumed
          note: vertical thirds
          units:
            - {code: 1, id: manggui, name: Manggui town, local-name: 满归镇}
            - {code: 2, id: jinhe, name: Jinhe town, local-name: 金河镇}
            - {code: 3, id: city, name: Genhe city, local-name: 根河市区}
        grids:
          precipitation: {path: precipitation.tif, unit: mm, year: 2022, source: fixture, status: assumed, note: a smooth generated field}

        """
    }
}
