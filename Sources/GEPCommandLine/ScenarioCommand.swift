import ArgumentParser
import GEPModelFiles
import GEPReport

/// `gep scenario FILE`: a stated change (a fire, a mine, a restoration) valued against the base model's full account.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Value a scenario (land converted, inputs changed) against its base model: both full accounts, the difference by service and unit, and the asset value lost or gained.",
        discussion: "FILE (kind: scenario) names the base region model, the conversions and changed inputs with their sources, and the asset valuation."
    )

    @Argument(help: "A scenario file.")
    var file: String

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: file) { () -> String in
            let model = try ScenarioFile.read(file, registry: GEPCommand.registry)
            return try ScenarioReport(try model.compare(registry: GEPCommand.registry), valuationSource: model.valuationProvenance).render(output.format, language: output.language)
        } }
        try output.write(text, inputs: [file] + read)
    }
}
