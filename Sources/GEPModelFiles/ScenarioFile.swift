import Accounts
import Foundation
import GEPCore

/// A scenario file read: the base model and the stated change.
public struct ScenarioModel: Sendable {
    public let basePath: String
    public let base: RegionModel
    public let scenario: Scenario
    public let valuationProvenance: Provenance

    /// Both full accounts and their difference.
    public func compare(registry: ServiceRegistry) throws -> ScenarioComparison {
        try ScenarioComparison(scenario: scenario, base: base, registry: registry)
    }
}

/// Reads scenario files (`kind: scenario`; see `models/README.md`, "Scenarios and damage").
public enum ScenarioFile {
    static let topKeys: Set<String> = ["kind", "sources", "name", "base", "year", "conversions", "inputs", "valuation", "recovery-years"]

    /// - Throws: ``ModelFileError`` naming the file, the field and what was expected.
    public static func read(_ path: String, registry: ServiceRegistry) throws -> ScenarioModel {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.scenario, root)
        try root.allowOnly(topKeys)
        let values = ValueReader(sources: try SourceCatalog(root))
        let directory = (path as NSString).deletingLastPathComponent
        let (base, basePath) = try AccountsFileParts.model(root, key: "base", directory: directory, registry: registry,
                                                           year: try root.optional("year")?.year())
        let conversions = try AccountsFileParts.conversions(try root.optional("conversions"), model: base, values: values)
        let extended = try base.registry(extending: registry)
        let methods = try base.services.map { try extended.service($0.id).method($0.method) }
        let inputs = try RegionModelFile.readInputs(try root.optional("inputs"), values: values, requirements: .init(methods)).all
        if conversions.isEmpty && inputs.isEmpty { throw root.error("a scenario needs `conversions:`, `inputs:` or both: it changes nothing") }
        let (valuation, provenance) = try AccountsFileParts.valuation(try root.required("valuation"), values: values)
        let recoveryField = try root.optional("recovery-years")
        do {
            let scenario = try Scenario(name: try root.required("name").string(), conversions: conversions, inputs: inputs,
                                        valuation: valuation, recoveryYears: try recoveryField?.int(in: 1...1000))
            _ = try scenario.apply(to: base)
            return ScenarioModel(basePath: basePath, base: base, scenario: scenario, valuationProvenance: provenance)
        } catch let error as AccountsError {
            throw (try root.optional("conversions") ?? root).error(String(describing: error))
        }
    }
}
