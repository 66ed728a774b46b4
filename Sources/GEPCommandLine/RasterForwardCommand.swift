import ArgumentParser
import Foundation

/// `gep raster …`: starts `gep-raster` from beside this executable with the same arguments, so that only raster
/// runs load GDAL (see `RasterCommand` in GEPRasterCommandLine).
struct RasterForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raster",
        abstract: "Compute a region's GEP per pixel from a raster region model (gep raster MODEL --out DIR [--threads N]).",
        discussion: "Runs gep-raster, built beside gep; `gep raster --help` lists its options."
    )

    @Argument(parsing: .allUnrecognized, help: "The arguments of gep-raster.")
    var arguments: [String] = []

    func run() throws {
        let helper = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("gep-raster").path
        guard FileManager.default.isExecutableFile(atPath: helper) else {
            throw CLIError(description: "gep raster needs gep-raster beside gep (\(helper)); build it with `swift build --product gep-raster` or `make build`")
        }
        let argv = [helper] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(helper, &cArguments)
        throw CLIError(description: "cannot start \(helper): \(String(cString: strerror(errno)))")
    }
}
