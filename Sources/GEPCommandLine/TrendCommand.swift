import ArgumentParser
import GEPCore
import GEPModelFiles
import GEPReport

/// `gep trend MODEL`: GEP by year at constant prices, with growth rates and GEP/GDP.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "GEP of every year a model file holds, at the constant prices of its report year, with growth and GEP/GDP."
    )

    @Argument(help: "A region model file with a `years:` block.")
    var model: String

    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: model) { () -> String in
            let reports = try RegionModelFile.years(model).map { year in
                let regionModel = try RegionModelFile.read(model, registry: GEPCommand.registry, year: year)
                return try AccountReport(try regionModel.run(with: GEPCommand.registry), registry: GEPCommand.registry)
            }
            try store.save(reports, model: model)
            return try TrendReport(reports).render(output.format, language: output.language)
        } }
        try output.write(text, inputs: [model] + read)
    }
}
