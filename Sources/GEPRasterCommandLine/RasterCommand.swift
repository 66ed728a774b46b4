import ArgumentParser
import GEPCore
import GEPModelFiles
import GEPCommandLine
import GEPRaster
import GEPReport
import GEPServices

/// `gep raster MODEL --out DIR`: a region's GEP computed per pixel from its grids, summed into its zones.
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
        abstract: "Compute a region's GEP per pixel from a raster region model.",
        discussion: "Reads the land cover, the zones and the input grids block by block, runs every service on every pixel, writes one GeoTIFF per service (physical amount per hectare) into --out, and prints the zones' account. The grids must share the land cover's size, geotransform and projection; no resampling is done."
    )

    @Argument(help: "The raster region model file (kind: raster-region).")
    var model: String

    @Option(help: "The folder for the per-service GeoTIFFs (created if missing; files of an earlier run are replaced).")
    var out: String?

    @Option(help: "Blocks computed at once (1 to 64); any count gives the same bits.")
    var threads = 1

    @Option(help: "The account's format on standard output: table, csv, json, md or html.")
    var format: ReportFormat = .table

    public func validate() throws {
        guard RasterModel.threadRange.contains(threads) else {
            throw ValidationError("--threads is \(threads); expected \(RasterModel.threadRange.lowerBound) to \(RasterModel.threadRange.upperBound)")
        }
    }

    public func run() throws {
        let registry = Self.registry
        let text = try CLIError.wrap(context: model) { () -> String in
            let raster = try RasterModelFile.read(model, registry: registry).run(with: registry, outputDirectory: out, threads: threads)
            let report = try AccountReport(raster.run, registry: registry)
            return try report.render(format)
        }
        printReport(text, format: format)
    }
}
