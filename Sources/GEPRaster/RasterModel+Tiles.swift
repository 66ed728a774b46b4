import Foundation
import GEPCore

extension RasterModel {
    /// Computes one tile of the run (``RasterTile``): the blocks of its rows, their GeoTIFFs over those rows, and
    /// `gep-tile.json` with the tile's exact sums, all written into `outputDirectory` only when every block succeeded.
    /// ``RasterTileMerge`` adds the tiles into the account a single run gives, bit for bit.
    ///
    /// A whole-grid derivation (LS from a DEM) needs the model's ``basins``: the tile derives it over the basins its
    /// rows touch (``computingWholeGridDerivations(in:grid:rows:)``), which give its pixels the single run's values.
    ///
    /// - Parameters:
    ///   - modelFile: the model file's path, recorded (made absolute) for the merge to read again.
    ///   - fingerprint: ``RasterFingerprint`` of the model and its inputs.
    /// - Throws: ``RasterError`` for a model with a whole-grid derivation and no basins (its flow paths would cross
    ///   the tile's edges), for more tiles than the land cover has rows of blocks, and the errors of
    ///   ``run(with:outputDirectory:threads:)``.
    public func runTile(_ tile: RasterTile, modelFile: String, fingerprint: String, with registry: ServiceRegistry, outputDirectory: String,
                        threads: Int = 1) throws -> RasterTilePartial {
        try requireThreads(threads)
        let whole = derivedGrids.first { $0.derivation.reach == .wholeGrid }
        if let whole, basins == nil {
            throw RasterError(path: modelFile, call: "tile",
                              message: "\(whole.key) is derived over the whole grid (derive: \(whole.derivation.id)), whose flow paths a tile would cut; give the drainage basins as `basins:` (a raster of basin codes) so that each tile derives it over the basins it touches, or run this model without --tile")
        }
        let modules = try modules(with: registry)
        let cover = try RasterDataset.open(landCover.path)
        let grid = try cover.grid()
        let rows = try tile.rows(height: grid.height, blockHeight: try cover.band(1).blockSize.height, path: landCover.path)
        if zonePolygons != nil { try checkZonePolygons(grid: grid) }
        let absoluteModel = URL(fileURLWithPath: modelFile).standardizedFileURL.path
        let scratch = whole == nil ? nil : try Self.scratchFolder()
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        let model = try scratch.map { try computingWholeGridDerivations(in: $0, grid: grid, rows: rows) } ?? self
        return try model.sumBlocks(modules: modules, outputDirectory: outputDirectory, threads: threads, rows: rows) { totals, staged, staging in
            guard let staging else { throw RasterError(path: outputDirectory, call: "tile", message: "no staging folder for the tile") }
            let folder = (outputDirectory as NSString).standardizingPath
            let partial = RasterTilePartial(model: absoluteModel, fingerprint: fingerprint, tile: tile, rows: rows, grid: grid,
                                            outputs: staged.map { ($0 as NSString).lastPathComponent }, totals: totals, folder: folder)
            let file = try partial.write(into: staging)
            // The partial last, so that a folder with a gep-tile.json always has the GeoTIFFs it names.
            _ = try Self.publish(staged, to: outputDirectory)
            _ = try Self.publish([file], to: outputDirectory)
            return partial
        }
    }
}
