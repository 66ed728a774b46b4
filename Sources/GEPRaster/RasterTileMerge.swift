import CGDAL
import Foundation
import GEPCore

/// Merges the tiles of a raster run (``RasterModel/runTile(_:modelFile:fingerprint:with:outputDirectory:threads:)``)
/// into the account a single run gives, bit for bit, and assembles each service's tile GeoTIFFs into one mosaic.
///
/// Before anything is written it checks that the tiles come from one model and the same inputs (one fingerprint,
/// which the model as it is now must still give), that each tile of 1…N is given exactly once, and that each covers
/// the rows its number stands for; a missing, duplicated or foreign tile is refused by name.
public enum RasterTileMerge {
    /// How the per-service mosaics are written.
    public enum Mosaic: String, CaseIterable, Sendable {
        /// A GDAL virtual mosaic (`<service>.vrt`) over the tiles' GeoTIFFs, which must stay where they are.
        case vrt
        /// A cloud-optimised GeoTIFF (`<service>.tif`), self-contained.
        case cog
    }

    /// Reads the partials at `parts` (tile folders or their `gep-tile.json`), checks them, reads their model with
    /// `readModel` (the model and the model files it read) and merges them.
    ///
    /// - Parameter outputDirectory: where to write one mosaic per service; nil for none.
    /// - Throws: ``RasterError`` naming the tile for a set that does not cover the grid once, from one model, and the
    ///   errors of reading the model and of the account.
    public static func merge(parts: [String], readModel: (String) throws -> (model: RasterModel, files: [String]), with registry: ServiceRegistry,
                             outputDirectory: String?, mosaic: Mosaic = .vrt) throws -> RasterAccount {
        let tiles = try checkedSet(try parts.map { try RasterTilePartial.read($0) })
        let first = tiles[0]
        let (model, files) = try readModel(first.model)
        guard try RasterFingerprint.of(model, files: files) == first.fingerprint else {
            throw RasterError(path: first.model, call: "merge",
                              message: "the model or one of its inputs has changed since the tiles ran (fingerprint \(first.fingerprint) of \(first.folder)); run the tiles again")
        }
        return try model.merge(tiles, with: registry, outputDirectory: outputDirectory, mosaic: mosaic)
    }

    /// `tiles` in tile order, once each checked to be of one model and inputs, with every number 1…N present once.
    static func checkedSet(_ tiles: [RasterTilePartial]) throws -> [RasterTilePartial] {
        guard let first = tiles.first else {
            throw RasterError(path: "merge", call: "merge", message: "no tiles given; expected the folders written by `gep raster MODEL --tile I/N --out DIR`")
        }
        for tile in tiles.dropFirst() {
            guard tile.fingerprint == first.fingerprint, tile.model == first.model, tile.tile.count == first.tile.count,
                  tile.gridWidth == first.gridWidth, tile.gridHeight == first.gridHeight else {
                throw RasterError(path: tile.folder, call: "merge",
                                  message: "tile \(tile.tile) is of another model or other inputs (\(tile.model), fingerprint \(tile.fingerprint), \(tile.tile.count) tiles); expected those of \(first.folder): \(first.model), fingerprint \(first.fingerprint), \(first.tile.count) tiles")
            }
        }
        var byIndex: [Int: RasterTilePartial] = [:]
        for tile in tiles {
            if let earlier = byIndex[tile.tile.index] {
                throw RasterError(path: tile.folder, call: "merge", message: "tile \(tile.tile) is given twice: \(earlier.folder) and \(tile.folder); expected each tile once")
            }
            byIndex[tile.tile.index] = tile
        }
        let missing = (1...first.tile.count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            throw RasterError(path: first.folder, call: "merge",
                              message: "tile\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(first.tile.count)" }.joined(separator: ", ")) missing; expected all \(first.tile.count) tiles of the run")
        }
        return (1...first.tile.count).compactMap { byIndex[$0] }
    }
}

extension RasterModel {
    /// The account and mosaics of `tiles`, checked and in tile order, against this model.
    fileprivate func merge(_ tiles: [RasterTilePartial], with registry: ServiceRegistry, outputDirectory: String?,
                           mosaic: RasterTileMerge.Mosaic) throws -> RasterAccount {
        let modules = try modules(with: registry)
        let cover = try RasterDataset.open(landCover.path)
        let grid = try cover.grid()
        let blockHeight = try cover.band(1).blockSize.height
        var totals = BlockTotals(self, modules: modules, grid: grid)
        for tile in tiles {
            let expected = try tile.tile.rows(height: grid.height, blockHeight: blockHeight, path: landCover.path)
            guard tile.gridWidth == grid.width, tile.gridHeight == grid.height, tile.rows == expected else {
                throw RasterError(path: tile.folder, call: "merge",
                                  message: "tile \(tile.tile) covers rows \(tile.firstRow)–\(tile.endRow) of a \(tile.gridWidth)×\(tile.gridHeight) grid; expected rows \(expected.lowerBound)–\(expected.upperBound) of \(landCover.path), \(grid.width)×\(grid.height)")
            }
            guard tile.outputs.count == services.count, tile.sums.zoneAreas.count == zones.count, totals.maps.fits(tile.sums.maps) else {
                throw RasterError(path: tile.folder, call: "merge", message: "tile \(tile.tile) has sums of another shape than this model's \(services.count) services and \(zones.count) zones")
            }
            do {
                try totals.zonal.merge(tile.sums.zonal)
            } catch {
                throw RasterError(path: tile.folder, call: "merge", message: "tile \(tile.tile) does not merge: \(error)")
            }
            totals.add(areas: try tile.sums.zoneAreas.map { areas in
                Dictionary(uniqueKeysWithValues: try areas.map { name, area in
                    guard let type = EcosystemType(rawValue: name) else {
                        throw RasterError(path: tile.folder, call: "merge", message: "tile \(tile.tile) gives an area of \"\(name)\", which is no ecosystem type")
                    }
                    return (type, area)
                })
            })
            totals.skipped += tile.sums.skipped
            totals.maps.add(tile.sums.maps)
        }
        let account = try self.account(totals, modules: modules)
        guard let outputDirectory else { return RasterAccount(run: account, skippedPixels: totals.skipped, outputs: []) }

        let staging = try Self.stagingFolder(for: outputDirectory)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let staged = try zip(services, modules).enumerated().map { s, pair -> String in
            let (choice, module) = pair
            let sources = try tiles.map { tile -> String in
                let path = (tile.folder as NSString).appendingPathComponent(tile.outputs[s])
                guard FileManager.default.fileExists(atPath: path) else {
                    throw RasterError(path: path, call: "merge", message: "tile \(tile.tile) names this GeoTIFF of \(choice.id), which is missing; run the tile again")
                }
                return path
            }
            let virtual = (staging as NSString).appendingPathComponent("\(choice.id).vrt")
            try Self.buildVRT(virtual, sources: sources, options: try Self.outputOptions(choice, module, threads: 1))
            guard mosaic == .cog else { return virtual }
            let optimised = (staging as NSString).appendingPathComponent("\(choice.id).tif")
            try Self.translateToCOG(virtual, to: optimised)
            try? FileManager.default.removeItem(atPath: virtual)
            return optimised
        }
        return RasterAccount(run: account, skippedPixels: totals.skipped, outputs: try Self.publish(staged, to: outputDirectory))
    }

    /// A GDAL virtual mosaic at `path` of `sources` (GDALBuildVRT), described as the tiles are (`options`: unit,
    /// nodata, metadata). The sources are made absolute: GDAL writes a source relative to the VRT only when it lies
    /// under the VRT's folder, which the tiles never do (the VRT is written into a staging folder of its own), so the
    /// file can be moved into the output folder.
    private static func buildVRT(_ path: String, sources: [String], options output: RasterDataset.GeoTIFFOptions) throws {
        GDALSession.start()
        try withGDALOptions([], path: path, call: "GDALBuildVRTOptionsNew", GDALBuildVRTOptionsNew, GDALBuildVRTOptionsFree) { options in
            var names = sources.map { UnsafePointer(strdup(URL(fileURLWithPath: $0).standardizedFileURL.path)) }
            defer { for name in names { free(UnsafeMutablePointer(mutating: name)) } }
            var usageError: Int32 = 0
            CPLErrorReset()
            guard let handle = names.withUnsafeMutableBufferPointer({ GDALBuildVRT(path, Int32(sources.count), nil, $0.baseAddress, options, &usageError) }) else {
                throw RasterError(path: path, call: "GDALBuildVRT", message: GDALSession.lastMessage(or: "cannot build the mosaic"))
            }
            // Closed, and so written, when released.
            try RasterDataset(path: path, handle: handle).describe(output)
        }
    }

    /// Copies the raster at `source` into a deflate-compressed cloud-optimised GeoTIFF (GDALTranslate, COG driver).
    private static func translateToCOG(_ source: String, to path: String) throws {
        let input = try RasterDataset.open(source)
        try withGDALOptions(["-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "LEVEL=1"], path: path, call: "GDALTranslateOptionsNew",
                            GDALTranslateOptionsNew, GDALTranslateOptionsFree) { options in
            var usageError: Int32 = 0
            CPLErrorReset()
            guard let handle = GDALTranslate(path, input.handle, options, &usageError) else {
                throw RasterError(path: path, call: "GDALTranslate", message: GDALSession.lastMessage(or: "cannot write the cloud-optimised GeoTIFF"))
            }
            try RasterDataset(path: path, handle: handle).flush()
        }
    }

    /// Runs `body` with the options of a GDAL utility built from `arguments` (as on its command line), freed after.
    private static func withGDALOptions<Options>(_ arguments: [String], path: String, call: String,
                                                 _ make: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, OpaquePointer?) -> Options?,
                                                 _ release: (Options?) -> Void, _ body: (Options) throws -> Void) throws {
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for argument in arguments { argv = CSLAddString(argv, argument) }
        defer { CSLDestroy(argv) }
        guard let options = make(argv, nil) else {
            throw RasterError(path: path, call: call, message: GDALSession.lastMessage(or: "GDAL refused the options \(arguments.joined(separator: " "))"))
        }
        defer { release(options) }
        try body(options)
    }
}
