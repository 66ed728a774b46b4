import ArgumentParser
import GEPCore
import GEPReport
import GEPServices

/// `gep services`: what service modules are available and how each computes its value.
struct ServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "List the ecosystem service modules and grid derivations, or show one's formula, inputs and source.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered service modules and grid derivations.")

        func run() {
            print(ServiceCatalogReport.list(GEPCommand.registry), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a service's methods, formulas, inputs, prices and sources, or a grid derivation's formula and operands.")

        @Argument(help: "The service id, e.g. water-conservation, or a derivation id, e.g. rusle-ls.")
        var id: String

        func run() throws {
            if let derivation = GEPCommand.registry.derivation(id) {
                print(ServiceCatalogReport.show(derivation), terminator: "")
                return
            }
            let service = try CLIError.wrap { try GEPCommand.registry.service(ServiceID(id)) }
            print(ServiceCatalogReport.show(service), terminator: "")
        }
    }
}
