import ArgumentParser
import GEPCore
import GEPModelFiles
import GEPReport
import GEPServices

/// `gep validate FILE...`: check model files without computing a report.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check region, price-book, deflator and compensation files: fields, units, sources, ids and inputs.",
        discussion: "A region file is also run through every service, and a compensation file through every scheme, so that missing or out-of-range inputs are found too."
    )

    @Argument(help: "Model files to check.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one model file") }
    }

    func run() throws {
        let registry = GEPCommand.registry
        for file in files {
            let summary = try CLIError.wrap(context: file) { () -> String in
                switch try ModelDocument.read(file, registry: registry) {
                case let .region(model):
                    _ = try model.run(with: registry)
                    return "region \(model.region.id), \(model.region.units.count) units, \(model.services.count) services"
                case let .rasterRegion(model):
                    return "raster region \(model.regionID), \(model.zones.count) zones, \(model.classes.count) land-cover classes, "
                        + "\(model.grids.count) input grids, \(model.services.count) services (the rasters are checked by gep raster)"
                case let .priceBook(book):
                    return "price book, \(book.all.count) prices"
                case let .deflator(deflator):
                    return "deflator, \(deflator.coverage)"
                case let .service(service):
                    return "service \(service.id), unit \(service.physicalUnit)"
                case let .carbonProject(model):
                    return "carbon project, \(model.project.strata.count) strata, \(model.project.years) crediting years"
                case let .ecosystemAccounts(model):
                    _ = try model.accounts(registry: registry)
                    return "ecosystem accounts \(model.openingModel.year)–\(model.closingModel.year), \(counted(model.conversions.count, "conversion")), \(counted(model.condition.count, "condition indicator"))"
                case let .scenario(model):
                    _ = try model.compare(registry: registry)
                    return "scenario \"\(model.scenario.name)\", \(counted(model.scenario.conversions.count, "conversion")), \(counted(model.scenario.inputs.count, "changed input"))"
                case let .compensation(model):
                    for (_, scheme) in model.schemes { _ = try scheme.allocate(model.problem) }
                    return "compensation, \(model.problem.units.count) units, \(model.schemes.count) schemes"
                }
            }
            print(terminalSafe("\(file): valid (\(summary))"))
        }
    }
}

/// "1 conversion", "3 conversions".
private func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
