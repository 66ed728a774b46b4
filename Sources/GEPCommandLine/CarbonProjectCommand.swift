import ArgumentParser
import GEPModelFiles
import GEPReport

/// `gep carbon-project FILE`: a forest carbon project's creditable removals and revenue, year by year, with every
/// deduction listed.
struct CarbonProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbon-project",
        abstract: "Estimate a forest carbon project's credits (afforestation or forest management) over its crediting period.",
        discussion: "Stock change from growth tables (volume by age, wood density, biomass expansion factor, root-to-shoot ratio, carbon fraction), less the baseline, project emissions, the uncertainty deduction and leakage; revenue at the stated price."
    )

    @Argument(help: "A carbon project file (kind: carbon-project), e.g. models/carbon-projects/genhe-larch-afforestation.yaml.")
    var model: String

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: model) { () -> String in
            let project = try CarbonProjectFile.read(model)
            return try CarbonProjectReport(name: project.name, methodology: project.methodology, project: project.project,
                                           provenance: project.provenance).render(output.format, language: output.language)
        } }
        try output.write(text, inputs: [model] + read)
    }
}
