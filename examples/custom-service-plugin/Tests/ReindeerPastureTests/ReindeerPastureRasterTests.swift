import Foundation
import GEPCore
import GEPRaster
import GEPRasterFixtures
import ReindeerPasture
import Testing

/// The plug-in runs per pixel through GEPKit's raster driver with no raster code of its own: on the generated
/// Genhe-like grid, with a herd-density grid (head per pixel) in place of the unit's head count.
@Suite("Reindeer pasture on a grid")
struct ReindeerPastureRasterTests {
    @Test("forage summed over the pixels is 1.5 t × the head on the density grid, zone by zone")
    func forageOverTheGrid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reindeer-raster-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try GenheRasterFixture.write(to: folder, size: 60, models: package.appendingPathComponent("../../models").path)
        let cover = try RasterDataset.open((folder as NSString).appendingPathComponent("landcover.tif"))
        let zones = try RasterDataset.open((folder as NSString).appendingPathComponent("zones.tif"))
        let grid = try cover.grid()
        let whole = RasterBand.Window(x: 0, y: 0, width: grid.width, height: grid.height)
        var classes: [Double] = [], codes: [Double] = []
        try cover.band(1).read(whole, into: &classes)
        try zones.band(1).read(whole, into: &codes)

        // Herds graze the larch forest (class 1): 0.05 head per pixel there, none elsewhere.
        let head = classes.map { $0 == 1 ? 0.05 : 0 }
        let density = (folder as NSString).appendingPathComponent("reindeer.tif")
        do {
            let raster = try RasterDataset.createGeoTIFF(density, grid: grid, options: .init(noData: -1, unit: "head"))
            try raster.band(1).write(head, to: whole)
            try raster.flush()
        }
        let provenance = try Provenance(source: "test", status: .assumed, note: "a made-up herd density")
        let model = RasterModel(
            regionID: "aoluguya-grid", regionName: "Aoluguya (grid)", year: 2022, reportYear: 2022, services: [.init("reindeer-pasture")],
            regionInputs: Inputs([Input("forage-per-head", 1.5, "t", provenance: provenance)]),
            prices: PriceBook(name: "test", prices: [Price("forage-price", 800, per: "t", priceYear: 2022, provenance: provenance)]),
            deflator: nil, landCover: .init(path: cover.path, provenance: provenance),
            classes: GenheRasterFixture.classes.map { .init(code: $0.code, type: EcosystemType(rawValue: $0.type)!) },
            zoneLayer: .init(path: zones.path, provenance: provenance),
            zones: [.init(code: 1, id: "manggui", name: "Manggui"), .init(code: 2, id: "jinhe", name: "Jinhe"), .init(code: 3, id: "city", name: "City")],
            grids: [.init(key: "reindeer", layer: .init(path: density, provenance: provenance), unit: "head")])
        var registry = ServiceRegistry()
        try registry.register(ReindeerPasture())
        let run = try model.run(with: registry, threads: 2).run

        for zone in 1...3 {
            let expected = 1.5 * zip(head, codes).filter { $0.1 == Double(zone) }.map(\.0).reduce(0, +)
            #expect(expected > 0)
            #expect(abs(run.services[0].physical[zone - 1] - expected) < 1e-9 * expected)
            #expect(abs(run.account.gepByUnit[zone - 1] - 800 * expected) < 1e-9 * 800 * expected)
        }
    }
}
