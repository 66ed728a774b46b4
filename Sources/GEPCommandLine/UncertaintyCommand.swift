import ArgumentParser
import GEPCore
import GEPModelFiles
import GEPReport

/// `gep uncertainty MODEL`: the account under the uncertainties the model file gives its prices and inputs.
struct UncertaintyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uncertainty",
        abstract: "Monte Carlo GEP: mean, median and 5–95 % interval per service and for the total.",
        discussion: "Every value with an `uncertainty:` in the model or price book is drawn; the same seed gives the same result."
    )

    @Argument(help: "The region model file.")
    var model: String

    @Option(help: "Number of draws.")
    var draws = 10_000

    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 1

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        if draws < 2 { throw ValidationError("--draws must be at least 2") }
    }

    func run() throws {
        let text = try CLIError.wrap(context: model) { () -> String in
            let regionModel = try RegionModelFile.read(model, registry: GEPCommand.registry)
            let result = try MonteCarloAccount(model: regionModel, registry: GEPCommand.registry, draws: draws, seed: seed)
            return try UncertaintyReport(result).render(output.format)
        }
        try output.write(text)
    }
}

/// `gep sensitivity MODEL`: which uncertain values move GEP most.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "One-at-a-time elasticities and first-order Sobol indices of GEP for every uncertain value."
    )

    @Argument(help: "The region model file.")
    var model: String

    @Option(help: "Base samples N of the Saltelli estimator (the model runs N·(d + 2) times).")
    var samples = 500

    @Option(help: "Seed of the random samples.")
    var seed: UInt64 = 1

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let text = try CLIError.wrap(context: model) { () -> String in
            let regionModel = try RegionModelFile.read(model, registry: GEPCommand.registry)
            let analysis = try SensitivityAnalysis(model: regionModel, registry: GEPCommand.registry, samples: samples, seed: seed)
            let gep = try regionModel.run(with: GEPCommand.registry).account.gep.yuan
            return try SensitivityReport(analysis, region: regionModel.region.name, deterministicGEPYuan: gep).render(output.format)
        }
        try output.write(text)
    }
}
