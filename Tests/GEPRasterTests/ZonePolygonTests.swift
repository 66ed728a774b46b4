import Foundation
import GEPCore
import GEPRaster
import GEPServices
import Testing

/// Zones given as polygons in a GeoPackage are burnt onto the grid with GDAL and give the account the zone raster
/// gives; polygons that do not fit are refused before any output.
@Suite("Zone polygons")
struct ZonePolygonTests {
    typealias Fixture = RasterAccountTests.Fixture

    /// Three rectangles over the zone raster's strips (20 pixels of 30 m wide, the bottom row left out), shifted by
    /// `offset` metres east, with the codes given.
    static func writePolygons(_ fixture: Fixture, codes: [Int] = [1, 2, 3], offset: Double = 0, epsg: Int = 32651) throws -> String {
        let path = fixture.path("towns.gpkg")
        let top = 5_600_000.0, bottom = top - 30 * Double(RasterAccountTests.height - 1)
        let polygons = codes.enumerated().map { i, code in
            let west = 500_000 + 600 * Double(i) + offset, east = west + 600
            return (code: code, wkt: "POLYGON ((\(west) \(bottom), \(east) \(bottom), \(east) \(top), \(west) \(top), \(west) \(bottom)))")
        }
        try VectorLayer.writeGeoPackage(path, layer: "towns", projection: try RasterGrid.projection(epsg: epsg), field: "code", polygons: polygons)
        return path
    }

    static func polygonModel(_ fixture: Fixture, _ polygons: String) -> RasterModel {
        let base = RasterAccountTests.rasterModel(fixture)
        return RasterModel(regionID: base.regionID, regionName: base.regionName, year: base.year, reportYear: base.reportYear,
                           services: base.services, regionInputs: base.regionInputs, prices: base.prices, deflator: nil,
                           landCover: base.landCover, classes: base.classes,
                           zoneLayer: .init(path: polygons, provenance: RasterAccountTests.provenance),
                           zonePolygons: .init(layer: "towns", field: "code"), zones: base.zones, grids: base.grids)
    }

    @Test("polygons over the zone raster's strips give the same account, bit for bit")
    func sameAsZoneRaster() throws {
        let fixture = try RasterAccountTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let polygons = try Self.writePolygons(fixture)
        let fromRaster = try RasterAccountTests.rasterModel(fixture).run(with: BuiltInServices.registry())
        let fromPolygons = try Self.polygonModel(fixture, polygons).run(with: BuiltInServices.registry(), threads: 2)
        #expect(fromPolygons.run.account.physical == fromRaster.run.account.physical)
        #expect(fromPolygons.run.account.gepByUnit == fromRaster.run.account.gepByUnit)
        #expect(fromPolygons.run.model.region.units.map(\.totalArea) == fromRaster.run.model.region.units.map(\.totalArea))
        #expect(fromPolygons.skippedPixels == fromRaster.skippedPixels)
    }

    @Test("polygons outside the grid, in another reference system, or with a code that names no zone: one message each, no output")
    func refusals() throws {
        let cases: [((Fixture) throws -> String, String)] = [
            ({ try Self.writePolygons($0, offset: 100_000) }, "lie outside the grid of"),
            ({ try Self.writePolygons($0, epsg: 32650) }, "the layer's reference system differs"),
            ({ try Self.writePolygons($0, codes: [1, 2, 9]) }, "feature 3 has code = 9; expected one of the zone codes 1, 2, 3"),
        ]
        for (write, expected) in cases {
            let fixture = try RasterAccountTests.fixture()
            defer { try? FileManager.default.removeItem(at: fixture.folder) }
            let polygons = try write(fixture)
            let out = fixture.path("out")
            let error = #expect(throws: RasterError.self) {
                try Self.polygonModel(fixture, polygons).run(with: BuiltInServices.registry(), outputDirectory: out)
            }
            #expect(error?.path == polygons && error?.message.contains(expected) == true, "\(String(describing: error))")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty)
        }
    }
}
