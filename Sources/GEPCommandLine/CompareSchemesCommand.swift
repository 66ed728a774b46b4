import ArgumentParser
import Compensation
import GEPCore
import GEPModelFiles
import GEPReport
import GEPServices

/// `gep compare-schemes FILE`: several compensation schemes on the same units and budget, side by side.
struct CompareSchemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-schemes",
        abstract: "Split a compensation budget by several schemes and compare them side by side.",
        discussion: "Prints each unit's amount under each scheme, then Gini, coefficient of variation, compensation/GEP, compensation/opportunity cost and Spearman rank agreement between schemes."
    )

    @Argument(help: "The compensation model file, e.g. models/compensation/genhe-units.yaml.")
    var model: String

    @Option(help: "Comma-separated scheme ids (default: every scheme the file configures).")
    var schemes: String?

    @Option(help: "Budget overriding the file's, as an amount and a unit: \"1.5 亿元\", \"5000 万元\".")
    var budget: String?

    @OptionGroup var output: ReportOutputOptions

    func run() throws {
        let (text, read) = try ModelFilesRead.recording { try CLIError.wrap(context: model) { () -> ReportOutput in
            let compensation = try CompensationFile.read(model, registry: GEPCommand.registry)
            var problem = compensation.problem
            if let budget {
                let measure = try Measure(parsing: budget)
                problem = try problem.with(budget: Money(try measure.quantity(Currency.self).baseValue, priceYear: problem.budget.priceYear))
            }
            let ids = schemes.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? compensation.schemes.map(\.id)
            let comparison = try SchemeComparison(problem: problem, schemes: try compensation.schemes(ids))
            let report = CompensationReport(name: compensation.name, comparison: comparison, provenance: compensation.provenance)
            return try output.output(text: { try report.renderText(output.format, language: output.language) }, workbook: { report.spreadsheet })
        } }
        try output.write(text, inputs: [model] + read)
    }
}
