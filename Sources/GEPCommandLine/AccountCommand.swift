import ArgumentParser
import GEPCore
import GEPModelFiles
import GEPReport
import GEPServices

/// `gep account MODEL`: a region's GEP, service by service and unit by unit.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Compute a region's gross ecosystem product from its model file.",
        discussion: "Prints the total, totals by category, each service with its physical amount and price, and each accounting unit. With --provenance the table also lists where every input comes from."
    )

    @Argument(help: "The region model file, e.g. models/regions/genhe.yaml.")
    var model: String

    @Option(help: "The accounting year, for a file holding several (default: the file's `year:`).")
    var year: Int?

    @OptionGroup var store: StoreOptions

    @OptionGroup var output: ReportOutputOptions

    @Flag(help: "List the source, year and status of every input, price and area (table format; other formats always include it).")
    var provenance = false

    func run() throws {
        let registry = GEPCommand.registry
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: model) { () -> String in
            let regionModel = try RegionModelFile.read(model, registry: registry, year: year)
            let report = try AccountReport(try regionModel.run(with: registry), registry: registry)
            try store.save([report], model: model)
            return try report.render(output.format, provenance: provenance)
        } }
        try output.write(text, inputs: [model] + read)
    }
}
