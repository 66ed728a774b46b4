import ArgumentParser
import GEPCore
import GEPModelFiles
import GEPReport

/// `gep scorecard MODEL --base-year Y`: the units' GEP appraisal over two years of a multi-year region model.
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Rank a region's units by a weighted GEP appraisal of one year against a base year, at constant prices.",
        discussion: "Indicators: real-growth, gep-per-km2, gep-to-gdp (needs unit GDP) and share:SERVICE; each is rescaled 0–1 over the units and weighted."
    )

    @Argument(help: "A region model file with a `years:` block.")
    var model: String

    @Option(help: "The year assessed (default: the file's `year:`).")
    var year: Int?

    @Option(name: .customLong("base-year"), help: "The year compared with.")
    var baseYear: Int

    @Option(help: "Indicator weights, e.g. \"real-growth=0.6,gep-per-km2=0.4\".")
    var weights: String = "real-growth=0.5,gep-per-km2=0.5"

    @Option(help: "Bands from the highest minimum score down, e.g. \"优秀=0.8,良好=0.5,一般=0\".")
    var bands: String?

    @Option(help: "Count only these services in GEP (a local standard's mandatory services), comma-separated ids.")
    var services: String?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let weighting = try Self.pairs(weights, option: "--weights").map { key, value -> (Scorecard.Indicator, Double) in
            guard let indicator = Scorecard.Indicator(key) else {
                throw ValidationError("--weights: unknown indicator \"\(key)\"; expected real-growth, gep-per-km2, gep-to-gdp or share:SERVICE")
            }
            return (indicator, value)
        }
        let bandList = try bands.map { try Self.pairs($0, option: "--bands").map { Scorecard.Band(name: $0.0, minimumScore: $0.1) } } ?? []
        let scored = services.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: model) { () -> String in
            let assessed = try RegionModelFile.read(model, registry: GEPCommand.registry, year: year).run(with: GEPCommand.registry)
            let base = try RegionModelFile.read(model, registry: GEPCommand.registry, year: baseYear).run(with: GEPCommand.registry)
            if let scored, let unknown = scored.first(where: { id in !assessed.account.services.contains { $0.rawValue == id } }) {
                throw ValidationError("--services: \"\(unknown)\" is not a service the model runs; it runs \(assessed.account.services.map(\.rawValue).joined(separator: ", "))")
            }
            let card = try Scorecard(units: try Scorecard.UnitYears.pairs(assessed: assessed, base: base), weights: weighting, bands: bandList, scoredServices: scored)
            return try ScorecardReport(region: assessed.model.region.name, year: assessed.model.year, baseYear: base.model.year,
                                       priceYear: assessed.account.reportYear, names: assessed.model.region.units.map { $0.localName ?? $0.name },
                                       card: card, weights: weighting, scoredServices: scored).render(output.format, language: output.language)
        } }
        try output.write(text, inputs: [model] + read)
    }

    /// "a=0.5,b=0.5" as (key, number) pairs, refusing anything else by option.
    private static func pairs(_ text: String, option: String) throws -> [(String, Double)] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
                throw ValidationError("\(option): expected NAME=NUMBER pairs separated by commas, found \"\(item)\"")
            }
            return (parts[0], value)
        }
    }
}
