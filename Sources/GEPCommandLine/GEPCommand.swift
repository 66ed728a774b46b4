import ArgumentParser
import GEPCore
import GEPServices

/// `gep`: Gross Ecosystem Product accounts and eco-compensation schemes.
///
/// Other packages run the same command line with their own service modules registered beside the built-ins:
///
/// ```swift
/// var registry = BuiltInServices.registry()
/// try registry.register(ReindeerPasture())
/// GEPCommand.main(registry: registry)
/// ```
public struct GEPCommand: ParsableCommand {
    /// The service modules the commands see; set for the duration of ``main(registry:)``.
    @TaskLocal static var registry = BuiltInServices.registry()

    /// Parses the process arguments and runs the command with `registry`'s services, exiting when done.
    public static func main(registry: ServiceRegistry) {
        $registry.withValue(registry) { main() }
    }

    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "gep",
        abstract: "Gross Ecosystem Product (GEP) accounts and eco-compensation schemes.",
        discussion: "Computes the yearly value of ecosystem services following China's GEP technical guideline (2020).",
        version: "gep \(GEPKit.version)",
        subcommands: [AccountCommand.self, InitCommand.self, RasterForwardCommand.self, TrendCommand.self, HistoryCommand.self, CompareSchemesCommand.self, CarbonProjectCommand.self, ScorecardCommand.self, EcosystemAccountsCommand.self, ScenarioCommand.self, UncertaintyCommand.self, SensitivityCommand.self, ValidateCommand.self, ServicesCommand.self]
    )
}
