import Foundation
import GEPRaster
import Testing

/// The GDAL layer: a GeoTIFF written block by block reads back to the same doubles, grid, nodata, unit and
/// metadata; every failure is a RasterError naming the file and the call.
@Suite("Raster files through GDAL")
struct RasterIOTests {
    /// A 300 × 200 grid of 30 m pixels in UTM zone 51N (Genhe lies in zone 51), tiles of 128: 3 × 2 blocks, the last
    /// column and row of blocks clipped.
    static func grid() throws -> RasterGrid {
        RasterGrid(width: 300, height: 200, geoTransform: [500_000, 30, 0, 5_600_000, 0, -30], projection: try RasterGrid.projection(epsg: 32651))
    }

    static func value(x: Int, y: Int) -> Double { x % 17 == 0 && y % 13 == 0 ? -9999 : Double(x) * 0.25 + Double(y) * 1000 }

    static func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-raster-\(UUID().uuidString).tif").path
    }

    @Test("a tiled GeoTIFF round trip: values, blocks, grid, nodata, unit, metadata")
    func roundTrip() throws {
        let path = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let grid = try Self.grid()
        var options = RasterDataset.GeoTIFFOptions(noData: -9999, unit: "m³/ha", metadata: ["GEPKIT_METHOD": "water-balance"])
        options.tileSize = 128
        do {
            let created = try RasterDataset.createGeoTIFF(path, grid: grid, options: options)
            let band = try created.band(1)
            for window in band.blocks() {
                var values: [Double] = []
                for row in window.y..<(window.y + window.height) {
                    for column in window.x..<(window.x + window.width) { values.append(Self.value(x: column, y: row)) }
                }
                try band.write(values, to: window)
            }
            try created.flush()
        }
        let dataset = try RasterDataset.open(path)
        let band = try dataset.band(1)
        #expect(band.blockSize == (128, 128))
        #expect(band.blocks().map(\.pixelCount).reduce(0, +) == 300 * 200)
        #expect(band.blocks().count == 6 && band.blocks().last == RasterBand.Window(x: 256, y: 128, width: 44, height: 72))
        #expect(band.noData == -9999 && band.unit == "m³/ha")
        #expect(dataset.metadata("GEPKIT_METHOD") == "water-balance")
        let read = try dataset.grid()
        #expect(read.width == 300 && read.height == 200 && read.geoTransform == grid.geoTransform)
        try grid.requireAligned(read, path: path, reference: "the reference")
        var buffer: [Double] = []
        var mismatches = 0
        for window in band.blocks() {
            try band.read(window, into: &buffer)
            for (i, value) in buffer.enumerated() where value != Self.value(x: window.x + i % window.width, y: window.y + i / window.width) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test("failures name the file and the GDAL call")
    func failures() throws {
        let missing = "/nonexistent/gepkit/landcover.tif"
        let open = #expect(throws: RasterError.self) { try RasterDataset.open(missing) }
        #expect(open?.path == missing && open?.call == "GDALOpenEx")
        #expect(open.map { "\($0)" }?.hasPrefix(missing + ": ") == true)

        let path = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dataset = try RasterDataset.createGeoTIFF(path, grid: try Self.grid(), options: .init(noData: -1, unit: "mm"))
        let band = try dataset.band(1)
        var buffer: [Double] = []
        let outside = #expect(throws: RasterError.self) { try band.read(.init(x: 290, y: 0, width: 20, height: 5), into: &buffer) }
        #expect(outside?.message.contains("outside the 300×200 band") == true)
        #expect(throws: RasterError.self) { try dataset.band(2) }
        #expect(throws: RasterError.self) { try band.write([1, 2, 3], to: .init(x: 0, y: 0, width: 2, height: 2)) }
    }

    @Test("grids that differ in size, geotransform or projection are refused with the gdalwarp hint")
    func misalignedGrids() throws {
        let grid = try Self.grid()
        let shifted = RasterGrid(width: 300, height: 200, geoTransform: [500_015, 30, 0, 5_600_000, 0, -30], projection: grid.projection)
        let smaller = RasterGrid(width: 299, height: 200, geoTransform: grid.geoTransform, projection: grid.projection)
        let other = RasterGrid(width: 300, height: 200, geoTransform: grid.geoTransform, projection: try RasterGrid.projection(epsg: 4326))
        for (candidate, expected) in [(shifted, "geotransform"), (smaller, "299×200"), (other, "projection")] {
            let error = #expect(throws: RasterError.self) { try grid.requireAligned(candidate, path: "dem.tif", reference: "landcover.tif") }
            #expect(error?.path == "dem.tif" && error?.message.contains(expected) == true && error?.message.contains("gdalwarp") == true,
                    "\(String(describing: error))")
        }
        // The same projection in another WKT flavour (from the same EPSG code) is the same grid.
        try grid.requireAligned(RasterGrid(width: 300, height: 200, geoTransform: grid.geoTransform, projection: try RasterGrid.projection(epsg: 32651)),
                                path: "dem.tif", reference: "landcover.tif")
    }
}
