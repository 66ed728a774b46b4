import ArgumentParser
import GEPCore

/// `gep`: Gross Ecosystem Product accounts and eco-compensation schemes.
@main
struct GEPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gep",
        abstract: "Gross Ecosystem Product (GEP) accounts and eco-compensation schemes.",
        discussion: "Computes the yearly value of ecosystem services following China's GEP technical guideline (2020).",
        version: "gep \(GEPKit.version)",
        subcommands: [AccountCommand.self, CompareSchemesCommand.self, ValidateCommand.self, ServicesCommand.self]
    )
}
