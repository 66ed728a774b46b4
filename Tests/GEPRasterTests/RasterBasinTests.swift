import Foundation
import GEPCore
import GEPModelFiles
import GEPRaster
import GEPServices
import Testing

/// A model deriving LS from a DEM (flow accumulated over the whole grid) tiles by basin: with `basins:` the
/// derivation runs basin by basin, and tiles that derive only the basins their rows touch merge into the single
/// run's account and rasters bit for bit.
@Suite("Raster tiles by basin")
struct RasterBasinTests {
    static let width = RasterDerivationTests.width, height = RasterDerivationTests.height

    /// Basin 1 is the west (x < 12), basin 2 the north-east, basin 3 the south-east (y ≥ 10); pixel (20, 20) is in
    /// no basin. The DEM slopes south, so flow runs down the columns across the divide between 2 and 3.
    static func basin(x: Int, y: Int) -> Double {
        if (x, y) == (20, 20) { return 0 }
        return x < 12 ? 1 : y < 10 ? 2 : 3
    }

    /// The derivation fixture (EPIC K and LS from a DEM) with a basin raster written by `code` and `basins:` added.
    static func fixture(_ code: @escaping (Int, Int) -> Double = basin) throws -> URL {
        let model = try RasterDerivationTests.fixture { $0 + "basins: {path: basins.tif, source: t, status: assumed, note: test}\n" }
        let folder = model.deletingLastPathComponent()
        let grid = try RasterDataset.open(folder.appendingPathComponent("landcover.tif").path).grid()
        var options = RasterDataset.GeoTIFFOptions(noData: 0, unit: "")
        options.tileSize = 16
        let values = (0..<height).flatMap { y in (0..<width).map { x in code(x, y) } }
        try RasterDataset.createGeoTIFF(folder.appendingPathComponent("basins.tif").path, grid: grid, options: options)
            .band(1).write(values, to: .init(x: 0, y: 0, width: width, height: height))
        return model
    }

    static func read(_ model: URL) throws -> (RasterModel, [String]) {
        let (raster, files) = try ModelFilesRead.recording { try RasterModelFile.read(model.path, registry: BuiltInServices.registry()) }
        return (raster, files)
    }

    @Test("two tiles of a model with LS from a DEM and three basins merge into the single run bit for bit")
    func tilesMergeIntoTheSingleRun() throws {
        let path = try Self.fixture()
        let folder = path.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (model, files) = try Self.read(path)
        let registry = BuiltInServices.registry()
        let single = try model.run(with: registry, outputDirectory: folder.appendingPathComponent("single").path)
        let fingerprint = try RasterFingerprint.of(model, files: files)
        let parts = try (1...2).map { index -> String in
            let out = folder.appendingPathComponent("tile-\(index)").path
            _ = try model.runTile(try RasterTile(index: index, count: 2), modelFile: path.path, fingerprint: fingerprint, with: registry,
                                  outputDirectory: out, threads: index)
            return out
        }
        let merged = try RasterTileMerge.merge(parts: parts.reversed(), readModel: { _ in try Self.read(path) }, with: registry,
                                               outputDirectory: folder.appendingPathComponent("merged").path)
        #expect(merged.run.account.physical == single.run.account.physical && merged.run.account.gepByUnit == single.run.account.gepByUnit)
        #expect(merged.run.maps == single.run.maps && merged.skippedPixels == single.skippedPixels)
        // The pixel in no basin has no LS, so it is skipped (it is inside the zone).
        #expect(single.skippedPixels == 1)
        for (mosaic, file) in zip(merged.outputs, single.outputs) {
            #expect(try RasterTileTests.pixels(mosaic, width: Self.width, height: Self.height) == RasterTileTests.pixels(file, width: Self.width, height: Self.height))
        }
    }

    @Test("one basin over the whole grid gives the run without basins, bit for bit; three basins change LS at the divides")
    func basinsDeriveBasinByBasin() throws {
        let registry = BuiltInServices.registry()
        let plain = try RasterDerivationTests.fixture()
        defer { try? FileManager.default.removeItem(at: plain.deletingLastPathComponent()) }
        let withoutBasins = try RasterModelFile.read(plain.path, registry: registry).run(with: registry).run
        let one = try Self.fixture { _, _ in 1 }
        defer { try? FileManager.default.removeItem(at: one.deletingLastPathComponent()) }
        let oneBasin = try RasterModelFile.read(one.path, registry: registry).run(with: registry).run
        #expect(oneBasin.services[0].physical == withoutBasins.services[0].physical)
        let three = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: three.deletingLastPathComponent()) }
        let threeBasins = try RasterModelFile.read(three.path, registry: registry).run(with: registry).run
        // Basin 3 starts a new slope length at its divide with basin 2, so less soil is kept than on one long slope.
        #expect(threeBasins.services[0].physical[0] < withoutBasins.services[0].physical[0])
    }

    @Test("--tile without basins, basins without a whole-grid derivation, and a basin raster on another grid are refused")
    func refusals() throws {
        let registry = BuiltInServices.registry()
        let plain = try RasterDerivationTests.fixture()
        let folder = plain.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try RasterModelFile.read(plain.path, registry: registry)
        let out = folder.appendingPathComponent("tile").path
        let noBasins = #expect(throws: RasterError.self) {
            try model.runTile(try RasterTile(index: 1, count: 2), modelFile: plain.path, fingerprint: "0", with: registry, outputDirectory: out)
        }
        #expect(noBasins?.message.contains("give the drainage basins as `basins:`") == true, "\(String(describing: noBasins))")
        #expect(!FileManager.default.fileExists(atPath: out))

        let text = try String(contentsOf: plain, encoding: .utf8)
        let pixelOnly = folder.appendingPathComponent("pixel-only.yaml")
        try (text.components(separatedBy: "  slope-length-steepness:\n")[0]
            .replacingOccurrences(of: "  cover-management:", with: "  slope-length-steepness: {value: 1, unit: \"\", source: t, status: assumed, note: test}\n  cover-management:")
            + "basins: {path: landcover.tif, source: t, status: assumed, note: test}\n").write(to: pixelOnly, atomically: true, encoding: .utf8)
        let unread = #expect(throws: ModelFileError.self) { try RasterModelFile.read(pixelOnly.path, registry: registry) }
        #expect(unread.map { String(describing: $0) }?.contains("`basins:` is read only by derivations over the whole grid") == true,
                "\(String(describing: unread))")

        let misaligned = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: misaligned.deletingLastPathComponent()) }
        let small = RasterGrid(width: 10, height: 10, geoTransform: [500_000, 30, 0, 5_600_000, 0, -30], projection: try RasterGrid.projection(epsg: 32651))
        try RasterDataset.createGeoTIFF(misaligned.deletingLastPathComponent().appendingPathComponent("basins.tif").path, grid: small,
                                        options: .init(noData: 0, unit: "")).band(1).write(Array(repeating: 1, count: 100), to: .init(x: 0, y: 0, width: 10, height: 10))
        let error = #expect(throws: RasterError.self) { try RasterModelFile.read(misaligned.path, registry: registry).run(with: registry) }
        #expect(error?.path.hasSuffix("basins.tif") == true && error?.message.contains("the grid is 10×10 pixels") == true, "\(String(describing: error))")
    }
}
