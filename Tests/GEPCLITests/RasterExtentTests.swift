import Foundation
import GEPRaster
import GEPReport
import Testing

/// `gep raster extent` on a 4 × 2 grid of 30 m pixels (900 m², 0.0009 km²), two zones (west: columns 0–1, east: 2–3).
/// 2020 land cover: larch (1) west, meadow (2) east. 2022: one west larch pixel became meadow, one east meadow pixel
/// became built-up (3), and one east pixel has no class (nodata), so it is left out of both dates.
@Suite("gep raster extent")
struct RasterExtentTests {
    static func fixture(alternative: String? = "{path: cover2022.tif, source: t, year: 2022, status: assumed, note: test}") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-extent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let grid = RasterGrid(width: 4, height: 2, geoTransform: [500_000, 30, 0, 5_600_000, 0, -30], projection: try RasterGrid.projection(epsg: 32651))
        for (name, values) in [("cover2020.tif", [1.0, 1, 2, 2, 1, 1, 2, 2]), ("cover2022.tif", [1, 2, 2, 3, 1, 1, 0, 2]), ("zones.tif", [1, 1, 2, 2, 1, 1, 2, 2])] {
            let dataset = try RasterDataset.createGeoTIFF(folder.appendingPathComponent(name).path, grid: grid, options: .init(noData: 0, unit: ""))
            try dataset.band(1).write(values, to: .init(x: 0, y: 0, width: 4, height: 2))
            try dataset.flush()
        }
        let prices = packageRoot.appendingPathComponent("models/prices").path
        try """
            kind: raster-region
            sources: {t: "a generated test grid"}
            region: {id: test, name: Test}
            year: 2020
            prices: \(prices)/gep-guideline-2010.yaml
            deflator: \(prices)/china-cpi.yaml
            services:
              - id: carbon-sink
                method: nep
            inputs:
              nep: {by-ecosystem-type: {deciduous-needleleaf-forest: 100, meadow: 50}, unit: gC/m², source: t, status: assumed, note: test}
            land-cover: {path: cover2020.tif, source: t, status: assumed, note: test}
            \(alternative.map { "alternative-land-cover: \($0)\n" } ?? "")classes:
              - {code: 1, type: deciduous-needleleaf-forest}
              - {code: 2, type: meadow}
              - {code: 3, type: built-up}
            zones:
              path: zones.tif
              source: t
              status: assumed
              note: two zones
              units:
                - {code: 1, id: west, name: West}
                - {code: 2, id: east, name: East}

            """.write(to: folder.appendingPathComponent("model.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func countsTheConversionMatrixByZone() throws {
        let folder = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runGEP(["raster", "extent", folder.appendingPathComponent("model.yaml").path, "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try schemaViolations(json: run.standardOutput, schema: "gepkit.extent-1.schema.json") == [])
        let report = try JSONDecoder().decode(ExtentReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.openingYear == 2020 && report.closingYear == 2022 && report.skippedPixels == 1 && report.hasConversionMatrix)
        let pixel = 0.0009
        // (type, opening, additions, reductions, closing) in pixels, counted by hand from the maps above.
        for (type, opening, additions, reductions, closing) in [("deciduous-needleleaf-forest", 4.0, 0.0, 1.0, 3.0), ("meadow", 3, 1, 1, 3), ("built-up", 0, 1, 0, 1)] {
            let row = try #require(report.rows.first { $0.type == type })
            for (actual, expected) in [(row.openingKm2, opening), (row.additionsKm2, additions), (row.reductionsKm2, reductions), (row.closingKm2, closing)] {
                #expect(abs(actual - expected * pixel) < 1e-15, "\(type): \(actual) vs \(expected) pixels")
            }
        }
        #expect(report.conversions.map { "\($0.unit ?? ""):\($0.from)>\($0.to)" } == ["west:deciduous-needleleaf-forest>meadow", "east:meadow>built-up"])
        #expect(report.conversions.allSatisfy { abs($0.areaKm2 - pixel) < 1e-15 && $0.source == "a generated test grid (assumed, 2022)" })
        let chinese = try runGEP(["raster", "extent", folder.appendingPathComponent("model.yaml").path, "--lang", "zh"])
        #expect(chinese.standardOutput.contains("生态系统范围账户") && chinese.standardOutput.contains("类型转换矩阵") && chinese.standardOutput.contains("运行信息"))
    }

    @Test func refusesAModelWithoutASecondDatedMap() throws {
        for (alternative, expected) in [(nil as String?, "has no `alternative-land-cover:`"),
                                        ("{path: cover2022.tif, source: t, status: assumed, note: test}", "cover2022.tif: the alternative land cover gives no `year:`")] {
            let folder = try Self.fixture(alternative: alternative)
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try runGEP(["raster", "extent", folder.appendingPathComponent("model.yaml").path])
            #expect(run.status != 0 && run.standardOutput.isEmpty)
            #expect(run.standardError.contains(expected), "\(run.standardError)")
        }
    }
}
