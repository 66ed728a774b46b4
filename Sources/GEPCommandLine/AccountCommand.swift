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
        discussion: "Prints the total, totals by category, each service with its physical amount and price, and each accounting unit. With --provenance the table also lists where every input comes from. --prices lays other price books over the model's; --compare-prices prints GEP by service under the model's prices and under each book given, side by side."
    )

    @Argument(help: "The region model file, e.g. models/regions/genhe.yaml.")
    var model: String

    @Option(help: "The accounting year, for a file holding several (default: the file's `year:`).")
    var year: Int?

    @OptionGroup var store: StoreOptions

    @OptionGroup var output: ReportOutputOptions

    @Flag(help: "List the source, year and status of every input, price and area (table format; other formats always include it).")
    var provenance = false

    @Option(name: .customLong("prices"), help: "A price book laid over the model's: its prices replace the model's of the same name (repeat to lay several, in order).")
    var priceBooks: [String] = []

    @Option(name: .customLong("compare-prices"), help: "Also value the account with this price book laid over the model's (and --prices), and print GEP by service under each side by side (repeatable).")
    var comparedBooks: [String] = []

    func validate() throws {
        if !comparedBooks.isEmpty, store.save { throw ValidationError("--compare-prices prints a comparison, not an account to keep; drop --save") }
    }

    func run() throws {
        let registry = GEPCommand.registry
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: model) { () -> ReportOutput in
            let regionModel = try PriceBookFile.overlay(priceBooks, on: try RegionModelFile.read(model, registry: registry, year: year))
            if !comparedBooks.isEmpty {
                let models = try [regionModel] + comparedBooks.map { try PriceBookFile.overlay([$0], on: regionModel) }
                return .text(ReportText(try PriceComparisonReport(try models.map { try AccountReport(try $0.run(with: registry), registry: registry) })
                    .render(output.format, language: output.language)))
            }
            // The CSV shows neither provenance nor warnings: they are not built for it unless the report is kept.
            let figuresOnly = output.format == .csv && !output.isWorkbook && !store.save
            let run = try regionModel.run(with: registry)
            let report = try AccountReport(run, registry: registry, content: figuresOnly ? .figures : .full)
            // The model and its run (10⁵ units' inputs and results) are done with once the report holds its figures.
            releaseInBackground((consume run, consume regionModel))
            try store.save([report], model: model)
            return try output.output(text: { try report.renderText(output.format, provenance: provenance, language: output.language) },
                                     workbook: { report.spreadsheet })
        } }
        try output.write(text, inputs: [model] + read)
    }
}
