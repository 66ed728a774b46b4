import Foundation
import Testing

/// Every JSON output of the bundled models validates against its schema under `schemas/` (the schemas are written from
/// the report types; a field added, renamed or retyped without its schema fails here).
@Suite("JSON outputs against schemas/")
struct SchemaTests {
    static let cases: [(arguments: [String], schema: String)] = [
        (["account", "models/regions/genhe.yaml"], "gepkit.account-1.schema.json"),
        (["account", "models/regions/manzhouli.yaml"], "gepkit.account-1.schema.json"),
        (["account", "models/regions/xilinhot.yaml"], "gepkit.account-1.schema.json"),
        (["account", "models/regions/genhe.yaml", "--compare-prices", "models/prices/carbon-afforestation-cost.yaml"], "gepkit.price-comparison-1.schema.json"),
        (["trend", "models/regions/genhe.yaml"], "gepkit.trend-1.schema.json"),
        (["compare-schemes", "models/compensation/genhe-units.yaml"], "gepkit.compensation-1.schema.json"),
        (["compare-schemes", "models/compensation/xilinhot-grassland.yaml"], "gepkit.compensation-1.schema.json"),
        (["uncertainty", "models/regions/genhe.yaml", "--draws", "200"], "gepkit.uncertainty-1.schema.json"),
        (["sensitivity", "models/regions/manzhouli.yaml", "--samples", "20"], "gepkit.sensitivity-2.schema.json"),
        (["scorecard", "models/regions/genhe.yaml", "--base-year", "2021", "--bands", "A=0.5,B=0"], "gepkit.scorecard-1.schema.json"),
        (["carbon-project", "models/carbon-projects/genhe-larch-afforestation.yaml"], "gepkit.carbon-project-1.schema.json"),
        (["ecosystem-accounts", "models/accounts/genhe-2021-2022.yaml"], "gepkit.ecosystem-accounts-1.schema.json"),
        (["scenario", "models/scenarios/genhe-larch-fire.yaml"], "gepkit.scenario-1.schema.json"),
        (["scenario", "models/scenarios/xilinhot-steppe-mine.yaml"], "gepkit.scenario-1.schema.json"),
    ]

    @Test(arguments: cases.indices)
    func bundledOutputValidates(index: Int) throws {
        let (arguments, schema) = Self.cases[index]
        let run = try runGEP(arguments + ["--format", "json"], in: packageRoot)
        #expect(run.status == 0, "\(arguments): \(run.standardError)")
        let violations = try schemaViolations(json: run.standardOutput, schema: schema)
        #expect(violations.isEmpty, "\(arguments.joined(separator: " ")) against \(schema): \(violations.prefix(10))")
    }

    /// The checker itself: a wrong type, a missing field, an unknown one and a value outside an enum are each found.
    @Test func checkerFindsEachKindOfViolation() throws {
        let schema: [String: Any] = ["type": "object", "required": ["a", "b"], "additionalProperties": false,
                                     "properties": ["a": ["type": "integer"], "b": ["enum": ["x", "y"]], "c": ["type": ["number", "null"]]]]
        #expect(schemaViolations(try JSONSerialization.jsonObject(with: Data(#"{"a": 1, "b": "x", "c": null}"#.utf8)), schema).isEmpty)
        let found = schemaViolations(try JSONSerialization.jsonObject(with: Data(#"{"a": 1.5, "b": "z", "d": true}"#.utf8)), schema)
        #expect(found.count == 3, "\(found)")
        #expect(schemaViolations(try JSONSerialization.jsonObject(with: Data(#"{"b": "x"}"#.utf8)), schema) == ["$: missing a"])
    }

    /// Every schema file is named for the schema id it declares, and every report's id has one.
    @Test func everySchemaFileMatchesItsID() throws {
        let folder = packageRoot.appendingPathComponent("schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".schema.json") }.sorted()
        #expect(files.count == 11)
        for file in files {
            let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file))) as? [String: Any]
            let id = try #require(schema?["$id"] as? String)
            #expect(file == id.replacingOccurrences(of: "/", with: "-") + ".schema.json")
            #expect(((schema?["properties"] as? [String: Any])?["schema"] as? [String: Any])?["const"] as? String == id)
        }
    }
}
