import ArgumentParser
import GEPModelFiles

/// `gep init NAME`: a commented region model and price book to start from (``RegionTemplate``).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented region model and price book to start a new region from.",
        discussion: "Writes NAME.yaml and prices.yaml into --folder (default: NAME), never over an existing file. Both validate and run as written; every value is an example marked assumed, to be replaced."
    )

    @Argument(help: "The region's id: lower-case letters and digits joined by hyphens.")
    var name: String

    @Option(help: "The folder to write into (created if missing; default: NAME).")
    var folder: String?

    func run() throws {
        let model = try CLIError.wrap(context: "gep init") { try RegionTemplate.write(id: name, into: folder ?? name) }
        print("wrote \(model) and its prices.yaml; check it with `gep validate \(model)`")
    }
}
