import Foundation
import GEPCore

/// Any model file: a region model (of units or on a grid), a price book, a deflator or a compensation model, recognised by its top-level
/// fields.
public enum ModelDocument: Sendable {
    case region(RegionModel)
    case rasterRegion(RasterModel)
    case priceBook(PriceBook)
    case deflator(Deflator)
    case compensation(CompensationModel)
    case service(DeclarativeService)
    case carbonProject(CarbonProjectModel)
    case ecosystemAccounts(EcosystemAccountsModel)
    case scenario(ScenarioModel)

    /// Reads `path` as whichever kind of model file it is.
    ///
    /// - Throws: ``ModelFileError`` for a file of no known kind or with any problem.
    public static func read(_ path: String, registry: ServiceRegistry) throws -> ModelDocument {
        switch try ModelKind.of(try YAMLField.load(path)) {
        case .service: return .service(try DeclarativeServiceFile.read(path))
        case .compensation: return .compensation(try CompensationFile.read(path, registry: registry))
        case .region: return .region(try RegionModelFile.read(path, registry: registry))
        case .rasterRegion: return .rasterRegion(try RasterModelFile.read(path, registry: registry))
        case .priceBook: return .priceBook(try PriceBookFile.read(path))
        case .deflator: return .deflator(try DeflatorFile.read(path))
        case .carbonProject: return .carbonProject(try CarbonProjectFile.read(path))
        case .ecosystemAccounts: return .ecosystemAccounts(try EcosystemAccountsFile.read(path, registry: registry))
        case .scenario: return .scenario(try ScenarioFile.read(path, registry: registry))
        }
    }
}

extension ModelDocument {
    /// The file at `path` and every file it names, followed through (a region's price book, deflator and service
    /// files; a compensation model's region and what that names; the region model of ecosystem accounts or a scenario), so that a command can refuse to write its report
    /// over one of its own inputs. A reference that cannot be read is left out: reading the model reports it.
    public static func inputFiles(_ path: String) -> [String] {
        var files: [String] = []
        func visit(_ file: String) {
            guard !files.contains(file) else { return }
            files.append(file)
            guard let root = try? YAMLField.load(file) else { return }
            let directory = (file as NSString).deletingLastPathComponent
            for key in ["prices", "deflator", "region", "model", "base"] {
                if let field = try? root.optional(key), let named = try? field.filePath(in: directory) { visit(named) }
            }
            for entry in (try? root.optional("service-files")?.sequence()) ?? [] {
                if let named = try? entry.filePath(in: directory) { visit(named) }
            }
        }
        visit(path)
        return files
    }
}
