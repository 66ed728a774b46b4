import ArgumentParser
import Foundation
import GEPCore
import GEPModelFiles
import GEPCommandLine
import GEPRaster
import GEPReport
import GEPServices

/// `gep raster MODEL --out DIR`: a region's GEP computed per pixel from its grids, summed into its zones; with
/// `--tile I/N`, one tile of that run, and `gep raster merge` to add the tiles into the account.
///
/// It runs in its own executable, `gep-raster`, which `gep raster` starts: linking GDAL (and its hundred libraries)
/// into `gep` made every other command start 40 ms slower. Packages with their own services call
/// ``main(registry:)`` from their own raster executable.
public struct RasterCommand: ParsableCommand {
    /// The service modules the command sees; set for the duration of ``main(registry:)``.
    @TaskLocal static var registry = BuiltInServices.registry()

    /// Parses the process arguments and runs with `registry`'s services, exiting when done.
    public static func main(registry: ServiceRegistry) {
        $registry.withValue(registry) { main() }
    }

    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "gep raster",
        abstract: "Compute a region's GEP per pixel from a raster region model, in one process or tile by tile.",
        discussion: "`gep raster MODEL --out DIR` runs the whole grid; `gep raster MODEL --tile I/N --out DIR` runs one of N tiles (for a cluster: see distributed/README.md) and `gep raster merge TILE-DIRS… --out DIR` adds the tiles into the same account, bit for bit; `gep raster extent MODEL` counts the extent account between the land cover and the alternative land cover.",
        subcommands: [Run.self, Merge.self, Extent.self],
        defaultSubcommand: Run.self
    )

    /// Loads a raster model, recording the model files it reads (for the tiles' fingerprint).
    static func readModel(_ path: String) throws -> (model: RasterModel, files: [String]) {
        let (model, files) = try ModelFilesRead.recording { try RasterModelFile.read(path, registry: registry) }
        return (model, files)
    }
}

extension RasterCommand {
    /// `gep raster MODEL`: the whole grid, or one tile of it.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a raster region model over its whole grid, or over one tile.",
            discussion: "Reads the land cover, the zones and the input grids block by block, runs every service on every pixel, writes one GeoTIFF per service (physical amount per hectare) into --out, and prints the zones' account. The grids must share the land cover's size, geotransform and projection; no resampling is done. With --tile I/N it computes the I-th of N strips of block rows and writes their GeoTIFFs and gep-tile.json (the tile's exact sums) into --out instead."
        )

        @Argument(help: "The raster region model file (kind: raster-region).")
        var model: String

        @Option(help: "The folder for the per-service GeoTIFFs (created if missing; files of an earlier run are replaced).")
        var out: String?

        @Option(help: "Blocks computed at once (1 to 64); any count gives the same bits.")
        var threads = 1

        @Option(help: "Compute only tile I of N (strips of block rows, 1 at the top), for `gep raster merge`; needs --out.")
        var tile: String?

        @OptionGroup var output: RasterOutputOptions

        func validate() throws {
            guard RasterModel.threadRange.contains(threads) else {
                throw ValidationError("--threads is \(threads); expected \(RasterModel.threadRange.lowerBound) to \(RasterModel.threadRange.upperBound)")
            }
            if tile != nil, out == nil { throw ValidationError("--tile needs --out: the folder for the tile's GeoTIFFs and gep-tile.json") }
        }

        func run() throws {
            let registry = RasterCommand.registry
            if let tile, let out {
                let line = try CLIError.wrap(context: model) { () -> String in
                    let tile = try RasterTile(parsing: tile)
                    let (raster, files) = try RasterCommand.readModel(model)
                    let partial = try raster.runTile(tile, modelFile: model, fingerprint: try RasterFingerprint.of(raster, files: files),
                                                     with: registry, outputDirectory: out, threads: threads)
                    return "tile \(partial.tile): rows \(partial.firstRow)–\(partial.endRow) of \(partial.gridHeight), written to \((out as NSString).appendingPathComponent(RasterTilePartial.fileName))"
                }
                print(line)
                return
            }
            let text = try CLIError.wrap(context: model) { () -> String in
                let (raster, files) = try RasterCommand.readModel(model)
                return try output.text(AccountReport(raster.run(with: registry, outputDirectory: out, threads: threads).run, registry: registry)
                    .render(output.format, language: output.language), inputs: files)
            }
            printReport(text, format: output.format)
        }
    }

    /// `gep raster extent MODEL`: the SEEA extent account between the model's two land-cover maps.
    struct Extent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extent",
            abstract: "The extent account between the land cover and the alternative land cover: areas by type and zone, and the conversion matrix.",
            discussion: "Counts every pixel by its class in both maps (pixels with nodata in either are left out of both dates); the opening year is the model's `year:`, the closing year the alternative land cover's `year:`."
        )

        @Argument(help: "A raster region model file with `alternative-land-cover:`.")
        var model: String

        @OptionGroup var output: RasterOutputOptions

        func run() throws {
            let text = try CLIError.wrap(context: model) { () -> String in
                let (raster, files) = try RasterCommand.readModel(model)
                return try output.text(RasterExtent.report(raster).render(output.format, language: output.language), inputs: files)
            }
            printReport(text, format: output.format)
        }
    }

    /// `gep raster merge TILE-DIRS…`: the tiles added into the zones' account and one mosaic per service.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge the tiles of a raster run into its account and per-service mosaics.",
            discussion: "Checks that the tiles come from one model and the same inputs and cover the grid exactly once, adds their exact sums in tile order (the account equals a single run's, bit for bit), prints the account, and writes one mosaic per service into --out: a GDAL VRT over the tiles' GeoTIFFs, or a cloud-optimised GeoTIFF."
        )

        @Argument(help: "The tiles' folders (or their gep-tile.json files), in any order.")
        var tiles: [String]

        @Option(help: "The folder for the per-service mosaics (created if missing).")
        var out: String?

        @Option(help: "The mosaics' form: vrt (a virtual mosaic over the tiles' files) or cog (a cloud-optimised GeoTIFF).")
        var mosaic: RasterTileMerge.Mosaic = .vrt

        @OptionGroup var output: RasterOutputOptions

        func run() throws {
            let registry = RasterCommand.registry
            let text = try CLIError.wrap(context: "gep raster merge") { () -> String in
                var files: [String] = []
                let raster = try RasterTileMerge.merge(parts: tiles, readModel: { path in
                    let read = try RasterCommand.readModel(path)
                    files += read.files
                    return read
                }, with: registry, outputDirectory: out, mosaic: mosaic)
                return try output.text(AccountReport(raster.run, registry: registry).render(output.format, language: output.language), inputs: files)
            }
            printReport(text, format: output.format)
        }
    }
}

extension RasterTileMerge.Mosaic: ExpressibleByArgument {}

/// `--format` and `--lang`, shared by the raster commands that print a report on standard output.
struct RasterOutputOptions: ParsableArguments {
    @Option(help: "The report's format on standard output: table, csv, json, md or html.")
    var format: ReportFormat = .table

    @Option(name: .customLong("lang"), help: "The report's language: zh or en (default: zh when the locale is Chinese, else en).")
    var chosenLanguage: ReportLanguage?

    /// `--lang`, else the locale's.
    var language: ReportLanguage { chosenLanguage ?? .fromLocale() }

    /// `report` with the run's metadata (the model files read, `inputs`), as every gep report carries it.
    func text(_ report: String, inputs: [String]) throws -> String {
        try RunMetadata.current(tool: "gep raster", inputs: inputs).decorate(report, format: format, language: language)
    }
}
