import Foundation
import GEPCore

/// One of `count` tiles of a raster run: horizontal strips of whole rows of the land cover's natural blocks, as even
/// as the block rows allow, numbered from 1 at the top. A tile reads the rows its blocks need and no more: every
/// service and every pixel derivation works pixel by pixel, so a tile needs no halo. Whole-grid derivations (the
/// RUSLE LS factor, whose flow accumulation crosses any square) cannot be cut into tiles; see
/// ``RasterModel/runTile(_:modelFile:fingerprint:with:outputDirectory:threads:)``.
///
/// Tiles follow block rows so that a tile's blocks are exactly the single run's blocks: each block computes the same
/// bits either way, and the exact sums (``ExactSum``) merge to the same account.
public struct RasterTile: Sendable, Hashable, Codable, CustomStringConvertible {
    /// From 1 to `count`.
    public let index: Int
    public let count: Int

    /// - Throws: ``RasterError`` unless 1 ≤ index ≤ count.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw RasterError(path: "--tile", call: "tile", message: "tile \(index)/\(count); expected I/N with 1 ≤ I ≤ N")
        }
        self.index = index
        self.count = count
    }

    /// A tile written `I/N` ("3/8").
    ///
    /// - Throws: ``RasterError`` for any other text.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw RasterError(path: "--tile", call: "tile", message: "\"\(text)\" is not a tile; expected I/N, e.g. 3/8 for the third of eight")
        }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The grid rows of this tile, for a grid `height` rows high read in blocks `blockHeight` rows high.
    ///
    /// - Throws: ``RasterError`` naming `path` when the grid has fewer block rows than tiles.
    public func rows(height: Int, blockHeight: Int, path: String) throws -> Range<Int> {
        let blockRows = (height + blockHeight - 1) / blockHeight
        guard count <= blockRows else {
            throw RasterError(path: path, call: "tile",
                              message: "the land cover has \(blockRows) rows of blocks (\(blockHeight) pixel rows each); expected at most \(blockRows) tiles, not \(count)")
        }
        let first = (index - 1) * blockRows / count, end = index * blockRows / count
        return first * blockHeight..<min(end * blockHeight, height)
    }
}

/// What a tile of a raster run leaves for the merge, written as `gep-tile.json` beside the tile's GeoTIFFs: which
/// tile of which model and inputs it is, the rows it covers, and its exact sums.
public struct RasterTilePartial: Codable, Sendable {
    /// The file name in a tile's folder.
    public static let fileName = "gep-tile.json"
    /// The format written; a partial in another is refused.
    public static let currentFormat = "gepkit-raster-tile 1"

    public let format: String
    /// The model file, as an absolute path: the merge reads it again.
    public let model: String
    /// ``RasterFingerprint`` of the model and its inputs when the tile ran.
    public let fingerprint: String
    public let tile: RasterTile
    /// The grid rows covered, `first..<end`.
    public let firstRow: Int
    public let endRow: Int
    /// The whole grid's size, in pixels.
    public let gridWidth: Int
    public let gridHeight: Int
    /// The tile's GeoTIFFs, one per service in model order, as file names in the tile's folder.
    public let outputs: [String]
    let sums: Sums
    /// The folder the partial was read from or written to; not stored.
    public private(set) var folder = ""

    /// A tile's sums: the zones' account, areas by ecosystem type (m²), the pixels skipped, the quick-look maps.
    struct Sums: Codable, Sendable {
        let zonal: ZonalAccount.Sums
        let zoneAreas: [[String: ExactSum]]
        let skipped: Int
        let maps: MapSums
    }

    private enum CodingKeys: String, CodingKey {
        case format, model, fingerprint, tile, firstRow, endRow, gridWidth, gridHeight, outputs, sums
    }

    init(model: String, fingerprint: String, tile: RasterTile, rows: Range<Int>, grid: RasterGrid, outputs: [String], totals: BlockTotals,
         folder: String) {
        format = Self.currentFormat
        self.model = model
        self.fingerprint = fingerprint
        self.tile = tile
        firstRow = rows.lowerBound
        endRow = rows.upperBound
        gridWidth = grid.width
        gridHeight = grid.height
        self.outputs = outputs
        sums = Sums(zonal: totals.zonal.sums, zoneAreas: totals.zoneAreas.map { areas in
            Dictionary(uniqueKeysWithValues: areas.map { ($0.key.rawValue, $0.value) })
        }, skipped: totals.skipped, maps: totals.maps)
        self.folder = folder
    }

    /// The rows covered.
    public var rows: Range<Int> { firstRow..<max(firstRow, endRow) }

    /// Reads `path`: a tile's folder or its `gep-tile.json`.
    ///
    /// - Throws: ``RasterError`` naming the file for a missing or malformed partial, or one of another format.
    public static func read(_ path: String) throws -> RasterTilePartial {
        var isFolder: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            ? (path as NSString).appendingPathComponent(fileName) : path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RasterError(path: file, call: "read tile", message: "cannot read the tile's partial result; expected the \(fileName) that `gep raster MODEL --tile I/N --out DIR` writes")
        }
        var partial: RasterTilePartial
        do {
            partial = try JSONDecoder().decode(RasterTilePartial.self, from: data)
        } catch {
            throw RasterError(path: file, call: "read tile", message: "not a tile's partial result (\(error)); expected the \(fileName) that `gep raster MODEL --tile I/N --out DIR` writes")
        }
        guard partial.format == currentFormat else {
            throw RasterError(path: file, call: "read tile", message: "the partial is in format \"\(partial.format)\"; expected \"\(currentFormat)\" (rerun the tile with this gep)")
        }
        partial.folder = ((file as NSString).deletingLastPathComponent as NSString).standardizingPath
        return partial
    }

    /// Writes the partial as `gep-tile.json` into `folder`.
    func write(into folder: String) throws -> String {
        let file = (folder as NSString).appendingPathComponent(Self.fileName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: file))
        } catch {
            throw RasterError(path: file, call: "write tile", message: "cannot write the tile's partial result: \(error)")
        }
        return file
    }
}
