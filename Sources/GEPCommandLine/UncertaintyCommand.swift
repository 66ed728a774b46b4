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

    @Option(help: "Number of draws (\(MonteCarloAccount.drawRange.lowerBound) to \(MonteCarloAccount.drawRange.upperBound)).")
    var draws = 10_000

    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 1

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        try validateCount("--draws", draws, in: MonteCarloAccount.drawRange)
    }

    func run() throws {
        let progress = ProgressLine.forStandardError()
        defer { progress?.finish() }
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: model) { () -> String in
            let regionModel = try RegionModelFile.read(model, registry: GEPCommand.registry)
            let result = try MonteCarloAccount(model: regionModel, registry: GEPCommand.registry, draws: draws, seed: seed,
                                               progress: progress?.update)
            return try UncertaintyReport(result).render(output.format, language: output.language)
        } }
        try output.write(text, inputs: [model] + read, seed: seed)
    }
}

/// `gep sensitivity MODEL`: which uncertain values move GEP most.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Elasticities, and first- and total-order Sobol indices with confidence intervals, of GEP for every uncertain value."
    )

    @Argument(help: "The region model file.")
    var model: String

    @Option(help: "Base samples N of the Saltelli design (\(SobolIndices.sampleRange.lowerBound) to \(SobolIndices.sampleRange.upperBound); the model runs N·(d + 2) times for d uncertain values).")
    var samples = 500

    @Option(help: "Bootstrap resamples for the confidence intervals (\(SobolIndices.bootstrapRange.lowerBound) to \(SobolIndices.bootstrapRange.upperBound)).")
    var bootstrap = 1000

    @Option(help: "Seed of the random samples.")
    var seed: UInt64 = 1

    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        try validateCount("--samples", samples, in: SobolIndices.sampleRange)
        try validateCount("--bootstrap", bootstrap, in: SobolIndices.bootstrapRange)
    }

    func run() throws {
        let progress = ProgressLine.forStandardError()
        defer { progress?.finish() }
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: model) { () -> String in
            let regionModel = try RegionModelFile.read(model, registry: GEPCommand.registry)
            let analysis = try SensitivityAnalysis(model: regionModel, registry: GEPCommand.registry, samples: samples, seed: seed,
                                                   bootstrapResamples: bootstrap, progress: progress?.update)
            let gep = try regionModel.run(with: GEPCommand.registry).account.gep.yuan
            return try SensitivityReport(analysis, region: regionModel.region.name, deterministicGEPYuan: gep).render(output.format, language: output.language)
        } }
        try output.write(text, inputs: [model] + read, seed: seed)
    }
}

/// Refuses a count outside the range the library accepts, before any work.
func validateCount(_ option: String, _ value: Int, in range: ClosedRange<Int>) throws {
    guard range.contains(value) else { throw ValidationError("\(option) is \(value); expected \(range.lowerBound) to \(range.upperBound)") }
}
