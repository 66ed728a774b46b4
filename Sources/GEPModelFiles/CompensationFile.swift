import Compensation
import Foundation
import GEPCore
import LinearAlgebra

/// A compensation model: the units (taken from a region model, whose account supplies each unit's GEP), extra
/// indicators, the budget, and the parameters of the schemes the file supports. See `models/README.md`.
public struct CompensationModel: Sendable {
    /// What the file calls itself.
    public let name: String
    public let problem: CompensationProblem
    /// The schemes the file configures, by id, in file order.
    public let schemes: [(id: String, scheme: any CompensationScheme)]
    /// Every sourced number: indicators, budget, rates, judgements.
    public let provenance: [(item: String, value: String, provenance: Provenance)]

    /// The configured schemes with these ids, in the order asked.
    ///
    /// - Throws: ``CompensationError/unknownScheme(_:known:)``.
    public func schemes(_ ids: [String]) throws -> [any CompensationScheme] {
        try ids.map { id in
            guard let scheme = schemes.first(where: { $0.id == id })?.scheme else {
                throw CompensationError.unknownScheme(id, known: schemes.map(\.id))
            }
            return scheme
        }
    }
}

/// Reads compensation model files.
public enum CompensationFile {
    static let topKeys: Set<String> = ["kind", "sources", "name", "region", "budget", "indicators", "units", "units-file", "schemes", "previous-year"]

    /// - Throws: ``ModelFileError`` for any problem in this file or the region model it names, and the errors of
    ///   running that region's account.
    public static func read(_ path: String, registry: ServiceRegistry) throws -> CompensationModel {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.compensation, root)
        try root.allowOnly(topKeys)
        let values = ValueReader(sources: try SourceCatalog(root))
        let directory = (path as NSString).deletingLastPathComponent
        var provenance: [(String, String, Provenance)] = []

        let regionField = try root.required("region")
        let regionPath = try regionField.filePath(in: directory)
        let run = try RegionModelFile.read(regionPath, registry: registry).run(with: registry)
        let previousGEP = try previousYearGEP(root, regionPath: regionPath, run: run, registry: registry)

        let budgetField = try root.required("budget")
        let budgetInput = try values.input("budget", budgetField)
        try values.requireDimension(budgetInput, budgetField, Currency.self)
        guard case let .single(budgetMeasure) = budgetInput.value, let budgetYear = budgetInput.provenance.year else {
            throw budgetField.error("expected one amount of money with its `year:`")
        }
        // The budget is split against indicators at the report year's prices, so it is restated to them first.
        let stated = Money(try budgetMeasure.quantity(Currency.self).baseValue, priceYear: budgetYear)
        let reportYear = run.model.reportYear
        let budget: Money
        if budgetYear == reportYear {
            budget = stated
        } else {
            guard let deflator = run.model.deflator else {
                throw budgetField.error("a budget at \(budgetYear) prices needs the region's deflator to reach the report year \(reportYear)")
            }
            do { budget = try deflator.restate(stated, to: reportYear) } catch let error as DeflatorError {
                throw budgetField.error("cannot restate the budget to \(reportYear) prices: \(error)")
            }
        }
        provenance.append(("budget", "\(budgetMeasure)", budgetInput.provenance))

        var specs = [IndicatorSpec("gep", unit: "元"), IndicatorSpec("area", unit: "km²")]
        if let field = try root.optional("indicators") {
            for (key, entry) in try field.mapping() {
                try entry.allowOnly(["unit", "direction"])
                let directionText = try entry.optional("direction")?.string() ?? "benefit"
                guard let direction = IndicatorSpec.Direction(rawValue: directionText) else {
                    throw entry.error("direction must be benefit or cost, found \"\(directionText)\"")
                }
                specs.append(IndicatorSpec(key, unit: try entry.required("unit").string(allowEmpty: true), direction: direction))
            }
        }

        var unitEntries: [String: YAMLField] = [:]
        for entry in try root.optional("units")?.sequence() ?? [] {
            try entry.allowOnly(["id", "indicators", "regimes"])
            let idField = try entry.required("id")
            let id = try idField.string()
            guard run.model.region.position(of: id) != nil else {
                throw idField.error("no unit \"\(id)\" in \(regionPath); units are \(run.model.region.units.map(\.id).joined(separator: ", "))")
            }
            unitEntries[id] = entry
        }

        // The account's indicators, a column each; then the table's values over them (a value it gives wins, an
        // empty cell leaves the account's), then the few units the `units:` list names, in region order (their errors
        // and provenance in that order).
        let regionUnits = run.model.region.units
        var indicatorValues: [String: [Double?]] = ["gep": run.account.gepByUnit, "area": regionUnits.map { $0.totalArea.value(in: .squareKilometre) }]
        if let previousGEP { indicatorValues["gep-previous"] = previousGEP }
        for service in run.services { indicatorValues["service:\(service.id)"] = service.physical }
        var regimeAreas: [String: [Quantity<Area>?]] = [:]
        if let field = try root.optional("units-file") {
            guard try root.optional("units") == nil else { throw field.error("give the units as `units:` or as `units-file:`, not both") }
            let table = try readUnitsFile(field, directory: directory, values: values, specs: specs, region: run.model.region,
                                          reportYear: run.account.reportYear, deflator: run.model.deflator)
            for (key, column) in table.indicators {
                indicatorValues[key] = indicatorValues[key].map { account in zip(column, account).map { $0 ?? $1 } } ?? column
            }
            regimeAreas = table.regimes
            provenance += table.provenance
        }
        for (row, unit) in regionUnits.enumerated() where !unitEntries.isEmpty {
            guard let entry = unitEntries[unit.id] else { continue }
            for (key, field) in try entry.optional("indicators")?.mapping() ?? [] {
                guard let spec = specs.first(where: { $0.key == key }) else {
                    throw field.error("indicator \"\(key)\" is not declared under `indicators:`")
                }
                let input = try values.input(key, field)
                indicatorValues[key, default: Array(repeating: nil, count: regionUnits.count)][row] =
                    try indicatorValue(input, spec: spec, field: field, reportYear: run.account.reportYear, deflator: run.model.deflator)
                provenance.append(("\(unit.id) \(key)", describe(input), input.provenance))
            }
            for (key, field) in try entry.optional("regimes")?.mapping() ?? [] {
                let input = try values.input(key, field)
                let area = try Measure.quantity(input, Area.self, field: field)
                guard area.baseValue >= 0 else { throw field.error("a regime area cannot be negative (found \(input.value))") }
                regimeAreas[key, default: Array(repeating: nil, count: regionUnits.count)][row] = area
                provenance.append(("\(unit.id) regime \(key)", describe(input), input.provenance))
            }
        }
        let units = regionUnits.map { CompensationUnit(id: $0.id, name: $0.name, localName: $0.localName, area: $0.totalArea, population: $0.population) }
        // The region's run (its units, inputs and services' results) is done with: let go while the schemes are read.
        releaseInBackground((consume run, consume regionUnits))
        let problem: CompensationProblem
        do { problem = try CompensationProblem(units: units, indicators: specs, indicatorValues: indicatorValues, regimeAreas: regimeAreas, budget: budget) } catch let error as CompensationError {
            throw budgetField.error(String(describing: error))
        }
        let schemes = try readSchemes(try root.required("schemes"), problem: problem, values: values, provenance: &provenance)
        return CompensationModel(name: try root.required("name").string(), problem: problem, schemes: schemes, provenance: provenance)
    }

    /// `previous-year: 2021`: each unit's GEP in that year of the region model, at the report year's constant prices,
    /// as the indicator `gep-previous` (what the growth schemes compare with).
    private static func previousYearGEP(_ root: YAMLField, regionPath: String, run: AccountRun, registry: ServiceRegistry) throws -> [Double]? {
        guard let field = try root.optional("previous-year") else { return nil }
        let year = try field.int(in: 1000...9999)
        let held = try RegionModelFile.years(regionPath)
        guard held.contains(year), year != run.model.year else {
            throw field.error("expected a year other than \(run.model.year) that \(regionPath) holds; it holds \(held.map(String.init).joined(separator: ", "))")
        }
        let previous = try RegionModelFile.read(regionPath, registry: registry, year: year).run(with: registry)
        guard previous.model.region.units.map(\.id) == run.model.region.units.map(\.id) else {
            throw field.error("\(regionPath) has other units in \(year) than in \(run.model.year)")
        }
        let gep = previous.account.gepByUnit
        releaseInBackground(consume previous)
        return gep
    }

    /// An indicator of the `units:` list in its declared unit (see ``indicatorValue(_:year:spec:reportYear:deflator:fail:)``),
    /// errors located at `field` (a unit error at its `unit:`).
    private static func indicatorValue(_ input: Input, spec: IndicatorSpec, field: YAMLField, reportYear: Int, deflator: Deflator?) throws -> Double {
        guard case let .single(measure) = input.value else { throw field.error("expected a single value") }
        do {
            return try indicatorValue(measure, year: input.provenance.year, spec: spec, reportYear: reportYear, deflator: deflator) { field.error($0) }
        } catch let error as UnitError {
            throw ((try? field.optional("unit")) ?? nil ?? field).error(String(describing: error))
        }
    }

    /// An indicator in its declared unit: money (at `year`'s prices) restated to the report year; other units
    /// converted to `spec.unit`.
    ///
    /// - Throws: `fail`'s error for money without a year or a deflator to restate it, and ``UnitError`` for a unit
    ///   of the wrong kind.
    static func indicatorValue(_ measure: Measure, year: Int?, spec: IndicatorSpec, reportYear: Int, deflator: Deflator?,
                               fail: (String) -> any Error) throws -> Double {
        if spec.unit == "元" {
            guard let year else { throw fail("an amount of money needs a `year:` (its price year)") }
            let money = Money(try measure.quantity(Currency.self).baseValue, priceYear: year)
            guard year != reportYear else { return money.yuan }
            guard let deflator else { throw fail("money at \(year) prices needs the region's deflator to reach \(reportYear)") }
            do { return try deflator.restate(money, to: reportYear).yuan } catch let error as DeflatorError { throw fail(String(describing: error)) }
        }
        return measure.value * (try UnitCatalog.conversionFactor(from: measure.unit, to: spec.unit))
    }

    private static func describe(_ input: Input) -> String {
        if case let .single(measure) = input.value { return "\(measure)" }
        return "by ecosystem type"
    }
}
