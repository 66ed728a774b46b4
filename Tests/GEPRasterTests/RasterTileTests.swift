import Foundation
import GEPCore
import GEPModelFiles
import GEPRaster
import GEPServices
import Testing

/// A raster run cut into tiles (strips of block rows) and merged gives the single run's account bit for bit and
/// mosaics equal to its GeoTIFFs pixel for pixel; the merge refuses a set of tiles that is not one run's, whole.
@Suite("Raster tiles")
struct RasterTileTests {
    typealias Fixture = RasterAccountTests.Fixture

    /// Runs tile `tile` of the fixture's model into `folder/<name>`; the model "file" is only recorded.
    static func runTile(_ tile: RasterTile, _ fixture: Fixture, model: RasterModel, into name: String, threads: Int = 1) throws -> String {
        let folder = fixture.path(name)
        _ = try model.runTile(tile, modelFile: fixture.path("model.yaml"), fingerprint: try RasterFingerprint.of(model, files: []),
                              with: BuiltInServices.registry(), outputDirectory: folder, threads: threads)
        return folder
    }

    static func merge(_ parts: [String], model: RasterModel, into folder: String?, mosaic: RasterTileMerge.Mosaic = .vrt) throws -> RasterAccount {
        try RasterTileMerge.merge(parts: parts, readModel: { _ in (model, []) }, with: BuiltInServices.registry(), outputDirectory: folder, mosaic: mosaic)
    }

    static func pixels(_ path: String, width: Int = RasterAccountTests.width, height: Int = RasterAccountTests.height) throws -> [Double] {
        var values: [Double] = []
        try RasterDataset.open(path).band(1).read(.init(x: 0, y: 0, width: width, height: height), into: &values)
        return values
    }

    @Test("three tiles, run on one and two threads and given in any order, merge into the single run's account bit for bit; the mosaics (VRT and COG) equal its GeoTIFFs")
    func mergeEqualsSingleRun() throws {
        let fixture = try RasterAccountTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let model = RasterAccountTests.rasterModel(fixture)
        let single = try model.run(with: BuiltInServices.registry(), outputDirectory: fixture.path("single"), threads: 1)
        // The fixture's 16-pixel blocks make three block rows: rows 0–16, 16–32 and 32–45.
        let parts = try (1...3).map { index in
            try Self.runTile(try RasterTile(index: index, count: 3), fixture, model: model, into: "tile-\(index)", threads: index == 2 ? 2 : 1)
        }
        #expect(try RasterTilePartial.read(parts[2]).rows == 32..<45)
        for (order, mosaic) in [([2, 0, 1], RasterTileMerge.Mosaic.vrt), ([0, 1, 2], .cog)] {
            let merged = try Self.merge(order.map { parts[$0] }, model: model, into: fixture.path("merged-\(mosaic)"), mosaic: mosaic)
            #expect(merged.run.account.physical == single.run.account.physical)
            #expect(merged.run.account.values == single.run.account.values && merged.run.account.gepByUnit == single.run.account.gepByUnit)
            #expect(merged.run.account.lines == single.run.account.lines)
            #expect(merged.run.services.map(\.physical) == single.run.services.map(\.physical))
            #expect(merged.run.warnings == single.run.warnings && merged.skippedPixels == single.skippedPixels && merged.skippedPixels == 1)
            #expect(merged.run.model.region.units.map(\.ecosystemAreas) == single.run.model.region.units.map(\.ecosystemAreas))
            #expect(merged.run.maps == single.run.maps)
            #expect(merged.outputs.map { ($0 as NSString).pathExtension } == Array(repeating: mosaic == .vrt ? "vrt" : "tif", count: 4))
            for (mosaicFile, file) in zip(merged.outputs, single.outputs) {
                #expect(try Self.pixels(mosaicFile) == Self.pixels(file), "\(mosaicFile)")
                #expect(try RasterDataset.open(mosaicFile).metadata("GEPKIT_SERVICE") == RasterDataset.open(file).metadata("GEPKIT_SERVICE"))
            }
        }
    }

    @Test("a missing tile, a tile given twice, a tile of other inputs and inputs changed since: each refused by name, nothing written")
    func refusals() throws {
        let fixture = try RasterAccountTests.fixture()
        let other = try RasterAccountTests.fixture()
        defer {
            try? FileManager.default.removeItem(at: fixture.folder)
            try? FileManager.default.removeItem(at: other.folder)
        }
        let model = RasterAccountTests.rasterModel(fixture)
        let parts = try (1...3).map { try Self.runTile(try RasterTile(index: $0, count: 3), fixture, model: model, into: "tile-\($0)") }
        // The other fixture differs in one precipitation pixel, so its tiles carry another fingerprint.
        try Self.changePrecipitation(other)
        let foreign = try Self.runTile(try RasterTile(index: 2, count: 3), other, model: RasterAccountTests.rasterModel(other), into: "tile-2")

        func refusal(_ given: [String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let out = fixture.path("out-\(UUID().uuidString)")
            let error = #expect(throws: RasterError.self, sourceLocation: sourceLocation) { try Self.merge(given, model: model, into: out) }
            #expect(error?.message.contains(expected) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: out), "no output folder", sourceLocation: sourceLocation)
        }
        refusal([parts[0], parts[2]], "tile 2/3 missing")
        refusal([parts[0], parts[1], parts[2], parts[1]], "tile 2/3 is given twice: \(parts[1]) and \(parts[1])")
        refusal([parts[0], foreign, parts[2]], "tile 2/3 is of another model or other inputs")
        refusal([fixture.path("nowhere")], "cannot read the tile's partial result")

        // A tile of a run with another tile count is foreign too.
        let half = try Self.runTile(try RasterTile(index: 1, count: 2), fixture, model: model, into: "half-1")
        refusal([half, parts[1], parts[2]], "2 tiles")

        // An input changed after the tiles ran: the model no longer gives their fingerprint.
        try Self.changePrecipitation(fixture)
        refusal(parts, "has changed since the tiles ran")
    }

    /// Writes the fixture's precipitation again with one pixel (5, 40) of 650 mm.
    static func changePrecipitation(_ fixture: Fixture) throws {
        let path = fixture.path("precipitation.tif")
        let grid = try RasterDataset.open(path).grid()
        var values = try pixels(path)
        values[40 * RasterAccountTests.width + 5] = 650
        var options = RasterDataset.GeoTIFFOptions(noData: -1, unit: "")
        options.tileSize = 16
        try RasterDataset.createGeoTIFF(path, grid: grid, options: options).band(1).write(values, to: .init(x: 0, y: 0, width: grid.width, height: grid.height))
    }

    @Test("more tiles than block rows, a malformed tile, and a whole-grid derivation are refused before any output")
    func tileRefusals() throws {
        let fixture = try RasterAccountTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let model = RasterAccountTests.rasterModel(fixture)
        let tooMany = #expect(throws: RasterError.self) { try Self.runTile(try RasterTile(index: 1, count: 4), fixture, model: model, into: "t") }
        #expect(tooMany?.message == "the land cover has 3 rows of blocks (16 pixel rows each); expected at most 3 tiles, not 4")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("t")))
        for text in ["0/3", "4/3", "2", "a/b", "1/0"] { #expect(throws: RasterError.self) { try RasterTile(parsing: text) } }
        #expect(try RasterTile(parsing: "2/3") == RasterTile(index: 2, count: 3))

        try FileManager.default.createDirectory(atPath: fixture.path("bad"), withIntermediateDirectories: true)
        try Data("{\"format\": \"gepkit-raster-tile 1\"}".utf8).write(to: URL(fileURLWithPath: fixture.path("bad/gep-tile.json")))
        let malformed = #expect(throws: RasterError.self) { try Self.merge([fixture.path("bad")], model: model, into: nil) }
        #expect(malformed?.path == fixture.path("bad/gep-tile.json") && malformed?.message.contains("not a tile's partial result") == true)

        let slope = try RasterDerivationTests.fixture()
        defer { try? FileManager.default.removeItem(at: slope.deletingLastPathComponent()) }
        let derived = try RasterModelFile.read(slope.path, registry: BuiltInServices.registry())
        let out = slope.deletingLastPathComponent().appendingPathComponent("tile").path
        let whole = #expect(throws: RasterError.self) {
            try derived.runTile(try RasterTile(index: 1, count: 2), modelFile: slope.path, fingerprint: "0", with: BuiltInServices.registry(),
                                outputDirectory: out)
        }
        #expect(whole?.message.contains("slope-length-steepness is derived over the whole grid (derive: rusle-ls)") == true, "\(String(describing: whole))")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a tile's partial result keeps its sums exactly through JSON")
    func partialRoundTrip() throws {
        let fixture = try RasterAccountTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let model = RasterAccountTests.rasterModel(fixture)
        let folder = try Self.runTile(try RasterTile(index: 1, count: 1), fixture, model: model, into: "all")
        let merged = try Self.merge([folder], model: model, into: nil)
        let single = try model.run(with: BuiltInServices.registry())
        #expect(merged.run.account.physical == single.run.account.physical && merged.run.account.gepByUnit == single.run.account.gepByUnit)
        let partial = try RasterTilePartial.read((folder as NSString).appendingPathComponent(RasterTilePartial.fileName))
        #expect(partial.rows == 0..<RasterAccountTests.height && partial.outputs.count == 4 && partial.folder == folder)
    }
}
