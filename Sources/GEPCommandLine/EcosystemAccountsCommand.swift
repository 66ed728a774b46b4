import ArgumentParser
import GEPModelFiles
import GEPReport

/// `gep ecosystem-accounts FILE`: the SEEA extent, condition, supply and use, and asset accounts between two years.
struct EcosystemAccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecosystem-accounts",
        abstract: "SEEA ecosystem accounts between two years: extent, condition, supply and use, and the monetary asset account.",
        discussion: "FILE (kind: ecosystem-accounts) names a region model with both years, the land converted between them, condition indicators, service users and the asset valuation."
    )

    @Argument(help: "An ecosystem-accounts file.")
    var file: String

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: file) { () -> String in
            let model = try EcosystemAccountsFile.read(file, registry: GEPCommand.registry)
            return try EcosystemAccountsReport(try model.accounts(registry: GEPCommand.registry), valuationSource: model.valuationProvenance).render(output.format, language: output.language)
        } }
        try output.write(text, inputs: [file] + read)
    }
}
