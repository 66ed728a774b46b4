import Foundation
import PackagePlugin

/// `swift package validate-models`: runs `gep validate` on every YAML file under models/. Thin: the `gep` tool does
/// the checking, and its exit status is the plugin's.
@main
struct ValidateModels: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let models = context.package.directoryURL.appendingPathComponent("models")
        let files = (FileManager.default.enumerator(at: models, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "yaml" }.map(\.path).sorted()
        guard !files.isEmpty else { throw PluginError("no .yaml files under \(models.path)") }
        let process = Process()
        process.executableURL = try context.tool(named: "gep").url
        process.arguments = ["validate"] + files
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PluginError("model validation failed") }
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
