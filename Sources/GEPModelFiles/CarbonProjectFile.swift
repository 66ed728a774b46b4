import Foundation
import GEPCore

/// A forest carbon project file read: the estimate's inputs and the provenance of every number.
public struct CarbonProjectModel: Sendable {
    public let name: String
    /// "afforestation" or "forest-management": the methodology the estimate follows the shape of.
    public let methodology: String
    public let project: ForestCarbonProject
    /// Every sourced number: factors, tables, areas, rates, price.
    public let provenance: [(item: String, value: String, provenance: Provenance)]
}

/// Reads carbon project files (`kind: carbon-project`; see `models/README.md`, "Carbon projects").
public enum CarbonProjectFile {
    static let topKeys: Set<String> = ["kind", "sources", "name", "methodology", "first-year", "crediting-years", "price", "uncertainty",
                                       "leakage", "baseline-removals", "project-emissions", "species", "growth-tables", "strata"]

    /// - Throws: ``ModelFileError`` naming the file, the field and what was expected.
    public static func read(_ path: String) throws -> CarbonProjectModel {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.carbonProject, root)
        try root.allowOnly(topKeys)
        let values = ValueReader(sources: try SourceCatalog(root))
        var provenance: [(String, String, Provenance)] = []

        func number(_ key: String, in field: YAMLField, unit: String) throws -> Double {
            let entry = try field.required(key)
            let input = try values.input(key, entry)
            guard case let .single(measure) = input.value else { throw entry.error("expected a single value") }
            let factor: Double
            do { factor = try UnitCatalog.conversionFactor(from: measure.unit, to: unit) } catch let error as UnitError {
                throw ((try? entry.optional("unit")) ?? nil ?? entry).error(String(describing: error))
            }
            provenance.append(("\(field.path.isEmpty ? "" : "\(field.path) ")\(key)", "\(measure)", input.provenance))
            return measure.value * factor
        }
        func optionalNumber(_ key: String, unit: String) throws -> Double {
            try root.optional(key) == nil ? 0 : number(key, in: root, unit: unit)
        }

        let methodologyField = try root.required("methodology")
        let methodology = try methodologyField.string()
        guard ["afforestation", "forest-management"].contains(methodology) else {
            throw methodologyField.error("expected afforestation (CCER-14-001-V01) or forest-management, found \"\(methodology)\"")
        }

        var species: [String: (wd: Double, bef: Double, r: Double, cf: Double)] = [:]
        for (id, entry) in try root.required("species").mapping() {
            try entry.allowOnly(["wood-density", "biomass-expansion-factor", "root-to-shoot-ratio", "carbon-fraction"])
            species[id] = (try number("wood-density", in: entry, unit: "t/m³"), try number("biomass-expansion-factor", in: entry, unit: ""),
                           try number("root-to-shoot-ratio", in: entry, unit: ""), try number("carbon-fraction", in: entry, unit: ""))
        }

        var tables: [String: GrowthTable] = [:]
        for (id, entry) in try root.required("growth-tables").mapping() {
            try entry.allowOnly(["ages", "volumes", "unit", "source", "year", "status", "note"])
            let unitField = try entry.required("unit")
            let factor: Double
            do { factor = try UnitCatalog.conversionFactor(from: try unitField.string(), to: "m³/ha") } catch let error as UnitError {
                throw unitField.error(String(describing: error))
            }
            let ages = try entry.required("ages").sequence().map { try $0.double() }
            let volumes = try entry.required("volumes").sequence().map { try $0.double() * factor }
            do { tables[id] = try GrowthTable(ages: ages, cubicMetresPerHectare: volumes) } catch let error as CarbonProjectError {
                throw entry.error(String(describing: error))
            }
            provenance.append(("growth table \(id)", "\(ages.count) ages to \(ages.last ?? 0) a", try values.provenance(entry)))
        }

        var strata: [ForestCarbonProject.Stratum] = []
        for entry in try root.required("strata").sequence() {
            try entry.allowOnly(["id", "species", "area", "start-age", "project", "baseline"])
            let id = try entry.required("id").string()
            func pick<T>(_ key: String, _ from: [String: T]) throws -> T {
                let field = try entry.required(key)
                let name = try field.string()
                guard let value = from[name] else { throw field.error("no \(key == "species" ? "species" : "growth table") \"\(name)\"; known: \(from.keys.sorted().joined(separator: ", "))") }
                return value
            }
            let factors = try pick("species", species)
            let baseline = try entry.optional("baseline") == nil ? nil : try pick("baseline", tables)
            if methodology == "forest-management", baseline == nil {
                throw entry.error("a forest-management stratum needs a `baseline:` growth table (its business-as-usual growth)")
            }
            let areaEntry = try entry.required("area")
            let areaInput = try values.input("area", areaEntry)
            let area = try Measure.quantity(areaInput, Area.self, field: areaEntry)
            provenance.append(("stratum \(id) area", "\(area.value(in: .hectare)) ha", areaInput.provenance))
            do {
                strata.append(try ForestCarbonProject.Stratum(id: id, area: area, startAge: try entry.required("start-age").double(),
                                                              project: try pick("project", tables), baseline: baseline, woodDensity: factors.wd,
                                                              biomassExpansionFactor: factors.bef, rootToShootRatio: factors.r, carbonFraction: factors.cf))
            } catch let error as CarbonProjectError {
                throw entry.error(String(describing: error))
            }
        }

        let priceField = try root.required("price")
        let priceUnit = try priceField.required("unit")
        let priceText = try priceUnit.string()
        guard let slash = priceText.firstIndex(of: "/"), let money = MoneyUnit(parsing: String(priceText[..<slash])),
              ["t", "tCO2e", "t CO₂e", "tCO₂e"].contains(String(priceText[priceText.index(after: slash)...])) else {
            throw priceUnit.error("expected money per tonne of CO₂e, such as 元/tCO2e")
        }
        let priceRecord = try values.provenance(priceField)
        guard let priceYear = priceRecord.year else { throw priceField.error("a price needs a `year:` (its price year)") }
        let price = Money(try priceField.required("value").double() * money.yuanPerUnit, priceYear: priceYear)
        provenance.append(("price", "\(try priceField.required("value").double()) \(priceText)", priceRecord))

        do {
            let project = try ForestCarbonProject(
                strata: strata, firstYear: try root.required("first-year").year(), years: try root.required("crediting-years").int(in: 1...100),
                baselineRemovalsPerYear: try optionalNumber("baseline-removals", unit: "t"), projectEmissionsPerYear: try optionalNumber("project-emissions", unit: "t"),
                leakageFraction: try optionalNumber("leakage", unit: ""), uncertainty: try number("uncertainty", in: root, unit: ""), price: price)
            return CarbonProjectModel(name: try root.required("name").string(), methodology: methodology, project: project, provenance: provenance)
        } catch let error as CarbonProjectError {
            throw root.error(String(describing: error))
        }
    }
}
