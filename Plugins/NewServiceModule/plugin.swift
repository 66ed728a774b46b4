import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-service-module NAME [--target TARGET]`: writes a new
/// service module and its test skeleton. Thin: the work is done by the `gep-scaffold` tool.
@main
struct NewServiceModule: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targets = extractor.extractOption(named: "target")
        guard let name = extractor.remainingArguments.first else {
            throw PluginError("usage: new-service-module NAME [--target TARGET]")
        }
        let target = targets.last ?? "GEPServices"
        let tool = try context.tool(named: "gep-scaffold")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = [context.package.directoryURL.path, target, name]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PluginError("gep-scaffold failed (exit \(process.terminationStatus))") }
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
