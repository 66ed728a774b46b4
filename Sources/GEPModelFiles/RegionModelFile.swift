import Foundation
import GEPCore

/// Reads a region model file (see `models/README.md` for the whole format) into a ``RegionModel``.
///
/// Paths to the price book and the deflator are relative to the region file. Every service id is checked against
/// `registry` and every input unit against the dimension the service declares, so that a bad file fails here, with
/// its line, and not half-way through an account.
public enum RegionModelFile {
    static let topKeys: Set<String> = ["kind", "sources", "region", "year", "report-year", "prices", "deflator", "population", "gdp",
                                       "ecosystem-shares", "service-files", "services", "not-run", "inputs", "units", "units-file", "years"]
    static let unitKeys: Set<String> = ["id", "name", "local-name", "area", "areas", "population", "inputs"]

    /// The years a file holds: its `year:` and the keys of its `years:` block, in order.
    ///
    /// - Throws: ``ModelFileError`` for a file that cannot be read or has a malformed `years:` block.
    public static func years(_ path: String) throws -> [Int] {
        let root = try YAMLField.load(path)
        let base = try root.required("year").year()
        let others = try root.optional("years")?.yearKeyed().map(\.year) ?? []
        return Array(Set([base] + others)).sorted()
    }

    /// - Parameter year: the year to read from a multi-year file (`years:` entries override the region-wide inputs,
    ///   `gdp`, `population` and `ecosystem-shares` of the file's `year:`); nil for the file's `year:`.
    /// - Throws: ``ModelFileError`` naming the file (or the price book or deflator file), line and field of the first
    ///   problem.
    public static func read(_ path: String, registry: ServiceRegistry, year requested: Int? = nil) throws -> RegionModel {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.region, root)
        try root.allowOnly(topKeys)
        let values = ValueReader(sources: try SourceCatalog(root))
        let directory = (path as NSString).deletingLastPathComponent

        let regionField = try root.required("region")
        try regionField.allowOnly(["id", "name", "local-name"])
        let baseYear = try root.required("year").year()
        let year = requested ?? baseYear
        let reportYear = try root.optional("report-year")?.year() ?? baseYear
        let yearEntry = try root.optional("years")?.yearKeyed().first { $0.year == year }?.value
        if year != baseYear && yearEntry == nil {
            throw (try root.optional("years") ?? root.required("year")).error("no year \(year) in the file; it holds \(try years(path).map(String.init).joined(separator: ", "))")
        }
        try yearEntry?.allowOnly(["inputs", "gdp", "population", "ecosystem-shares"])

        let (extraServices, extended) = try readServiceFiles(root, directory: directory, registry: registry)
        let services = try readServices(try root.required("services"), registry: extended)
        let requirements = ExpectedInputs(services.map(\.method))
        var regionInputs = try readInputs(try root.optional("inputs"), values: values, requirements: requirements)
        if let overrides = try yearEntry?.optional("inputs") {
            regionInputs = regionInputs.merging(try readInputs(overrides, values: values, requirements: requirements))
        }
        // A year's shares (a land survey of that year) split the same unit totals differently.
        let yearShares = try yearEntry?.optional("ecosystem-shares")
        let shares = try (yearShares ?? root.optional("ecosystem-shares")).map { try readShares($0, values: values) }

        let table: UnitTable
        switch (try root.optional("units"), try root.optional("units-file")) {
        case let (list?, nil): table = try readUnitList(list, shares: shares, values: values, requirements: requirements)
        case let (nil, file?): table = try readUnitsFile(file, directory: directory, shares: shares, values: values, requirements: requirements)
        case (_?, let file?): throw file.error("give the units as `units:` or as `units-file:`, not both")
        case (nil, nil): throw root.error("missing `units:` (a list) or `units-file:` (a CSV table of accounting units)")
        }
        if let yearShares, let unit = table.unitsWithOwnAreas.first {
            throw yearShares.error("unit \(unit) gives its areas by ecosystem type, which a year's `ecosystem-shares:` does not split; "
                + "give every unit a total `area:` to change the shares by year")
        }
        let region: Region
        do {
            region = try Region(id: try regionField.required("id").string(), name: try regionField.required("name").string(),
                                localName: try regionField.optional("local-name")?.string(), units: table.units)
        } catch let error as InputError {
            throw (try root.optional("units") ?? root.required("units-file")).error(String(describing: error))
        }

        let facts = try readFacts(population: try yearEntry?.optional("population") ?? root.optional("population"),
                                  gdp: try yearEntry?.optional("gdp") ?? root.optional("gdp"), values: values)
        let prices = try PriceBookFile.read(try root.required("prices").filePath(in: directory))
        let deflator = try root.optional("deflator").map { try DeflatorFile.read(try $0.filePath(in: directory)) }
        return RegionModel(region: region, year: year, reportYear: reportYear, services: services.map(\.choice),
                           regionInputs: regionInputs, unitInputs: table.inputs, areaProvenance: table.areaProvenance,
                           facts: facts, prices: prices, deflator: deflator, extraServices: extraServices,
                           servicesNotRun: try readServicesNotRun(try root.optional("not-run"), chosen: services, registry: extended))
    }

    /// The region facts for ratios: population (a count) and GDP (money, with its price year).
    static func readFacts(population: YAMLField?, gdp: YAMLField?, values: ValueReader) throws -> Inputs {
        var facts = Inputs()
        if let field = population {
            let input = try values.input("population", field)
            try values.requireDimension(input, field, Count.self)
            facts.set(input)
        }
        if let field = gdp {
            let input = try values.input("gdp", field)
            try values.requireDimension(input, field, Currency.self)
            guard input.provenance.year != nil else { throw field.error("GDP needs a `year:` (its price year)") }
            facts.set(input)
        }
        return facts
    }

    // MARK: Units

    /// The `units:` list of a region file.
    private static func readUnitList(_ list: YAMLField, shares: (shares: [EcosystemType: Double], provenance: Provenance)?,
                                     values: ValueReader, requirements: ExpectedInputs) throws -> UnitTable {
        let fields = try list.sequence()
        guard !fields.isEmpty else { throw list.error("expected at least one accounting unit") }
        var table = UnitTable(), areaProvenance: [String: Provenance] = [:]
        for field in fields {
            try field.allowOnly(unitKeys)
            let id = try field.required("id").string()
            let (areas, provenance) = try readAreas(field, shares: shares, values: values)
            let population = try field.optional("population").map { try values.input("population", $0) }
            do {
                table.units.append(try AccountingUnit(
                    id: id, name: try field.required("name").string(), localName: try field.optional("local-name")?.string(),
                    ecosystemAreas: areas,
                    population: try population.map { try Measure.quantity($0, Count.self, field: field).baseValue }))
            } catch let error as InputError {
                throw field.error(String(describing: error))
            }
            areaProvenance[id] = provenance
            if try field.optional("areas") != nil { table.unitsWithOwnAreas.append(id) }
            if let inputs = try field.optional("inputs") {
                table.inputs[id] = try readInputs(inputs, values: values, requirements: requirements)
            }
        }
        table.areaProvenance = AreaProvenance(byUnit: areaProvenance)
        return table
    }

    // MARK: Services

    /// The declarative services a model file names under `service-files:`, and `registry` with them added.
    static func readServiceFiles(_ root: YAMLField, directory: String,
                                 registry: ServiceRegistry) throws -> (services: [any EcosystemService], registry: ServiceRegistry) {
        var extraServices: [any EcosystemService] = []
        var extended = registry
        for entry in try root.optional("service-files")?.sequence() ?? [] {
            let service = try DeclarativeServiceFile.read(try entry.filePath(in: directory))
            do { try extended.register(service) } catch let error as RegistryError { throw entry.error(String(describing: error)) }
            extraServices.append(service)
        }
        return (extraServices, extended)
    }

    struct ServiceEntry {
        let choice: RegionModel.ServiceChoice
        let method: ServiceMethod
    }

    static func readServices(_ field: YAMLField, registry: ServiceRegistry) throws -> [ServiceEntry] {
        try field.sequence().map { entry in
            try entry.allowOnly(["id", "method", "in-total"])
            let idField = try entry.required("id")
            let id = ServiceID(try idField.string())
            let module: any EcosystemService
            do { module = try registry.service(id) } catch let error as RegistryError {
                throw idField.error(String(describing: error))
            }
            let methodField = try entry.optional("method")
            let method: ServiceMethod
            do { method = try module.method(try methodField?.string()) } catch let error as ServiceError {
                throw (methodField ?? entry).error(String(describing: error))
            }
            let inTotal = try entry.optional("in-total")?.bool() ?? true
            return ServiceEntry(choice: .init(id, method: method.id, includedInTotal: inTotal), method: method)
        }
    }

    /// `not-run:`, the services the account leaves out: `- {id: climate-regulation, reason: "…"}`. Each names a
    /// registered service that is not chosen, once, with a reason.
    static func readServicesNotRun(_ field: YAMLField?, chosen: [ServiceEntry], registry: ServiceRegistry) throws -> [RegionModel.OmittedService] {
        var seen = Set<ServiceID>()
        return try field?.sequence().map { entry in
            try entry.allowOnly(["id", "reason"])
            let idField = try entry.required("id")
            let id = ServiceID(try idField.string())
            do { _ = try registry.service(id) } catch let error as RegistryError {
                throw idField.error(String(describing: error))
            }
            guard !chosen.contains(where: { $0.choice.id == id }) else {
                throw idField.error("\(id) is under `services:`; a service is either run or listed as not run")
            }
            guard seen.insert(id).inserted else { throw idField.error("\(id) is listed twice under `not-run:`") }
            let reason = try entry.required("reason").string()
            return RegionModel.OmittedService(id, reason: reason)
        } ?? []
    }

    /// The inputs the chosen methods read: named ones with their dimension, and open-ended prefixes.
    struct ExpectedInputs {
        var byKey: [String: InputRequirement] = [:]
        var prefixes: [String] = []

        init(_ methods: [ServiceMethod]) {
            for method in methods {
                for requirement in method.inputs { byKey[requirement.key] = requirement }
                prefixes += method.inputPrefixes
            }
        }
    }

    // MARK: Inputs

    static func readInputs(_ field: YAMLField?, values: ValueReader,
                                   requirements: ExpectedInputs) throws -> Inputs {
        guard let field else { return Inputs() }
        var inputs = Inputs()
        for (key, entry) in try field.mapping() {
            let input = try values.input(key, entry)
            if let requirement = requirements.byKey[key] {
                try values.requireDimension(input, entry, requirement.dimension)
            } else if !requirements.prefixes.contains(where: key.hasPrefix) {
                throw entry.error("no chosen service reads an input named \"\(key)\"; check the spelling or the services list")
            }
            inputs.set(input)
        }
        return inputs
    }

    // MARK: Areas

    /// A unit's areas: explicit `areas` by type, or a total `area` split by the region's `ecosystem-shares`.
    private static func readAreas(_ unit: YAMLField, shares: (shares: [EcosystemType: Double], provenance: Provenance)?,
                                  values: ValueReader) throws -> ([EcosystemType: Quantity<Area>], Provenance) {
        if let field = try unit.optional("areas") {
            try requireNonNegative(try field.optional("by-ecosystem-type"))
            let input = try values.input("areas", field)
            guard case let .byEcosystemType(measures) = input.value else {
                throw field.error("expected `by-ecosystem-type:` areas")
            }
            var areas: [EcosystemType: Quantity<Area>] = [:]
            for (type, measure) in measures {
                areas[type] = try Measure.quantity(Input("areas", .single(measure), provenance: input.provenance), Area.self, field: field)
            }
            return (areas, input.provenance)
        }
        guard let field = try unit.optional("area") else {
            throw unit.error("missing `areas:` (by ecosystem type) or `area:` (a total split by `ecosystem-shares`)")
        }
        guard let shares else { throw field.error("a total `area:` needs `ecosystem-shares:` at the top of the file") }
        try requireNonNegative(try field.optional("value"))
        let input = try values.input("area", field)
        let total = try Measure.quantity(input, Area.self, field: field)
        return (shares.shares.mapValues { total * $0 }, try splitProvenance(input.provenance, shares.provenance))
    }

    /// Rejects a negative area where it is written: a single number, or each number of a by-type mapping.
    private static func requireNonNegative(_ field: YAMLField?) throws {
        guard let field else { return }
        let numbers = (try? field.mapping().map(\.value)) ?? [field]
        for number in numbers where try number.double() < 0 {
            throw number.error("area is \(try number.double()); expected a non-negative area")
        }
    }

    /// `ecosystem-shares`: fractions by type that sum to 1 (or 100 %).
    private static func readShares(_ field: YAMLField, values: ValueReader) throws -> (shares: [EcosystemType: Double], provenance: Provenance) {
        let input = try values.input("ecosystem-shares", field)
        guard case let .byEcosystemType(measures) = input.value else { throw field.error("expected `by-ecosystem-type:` shares") }
        var shares: [EcosystemType: Double] = [:]
        for (type, measure) in measures {
            let share = try Measure.quantity(Input("share", .single(measure), provenance: input.provenance), Ratio.self, field: field)
            guard (0...1).contains(share.fraction) else { throw field.error("share of \(type.rawValue) is outside 0–100 %") }
            shares[type] = share.fraction
        }
        let sum = shares.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        guard abs(sum - 1) <= 1e-6 else {
            throw field.error("shares sum to \(String(format: "%.4g", sum * 100)) %; expected 100 %")
        }
        return (shares, input.provenance)
    }

}

extension Measure {
    /// The single value of `input` as a quantity of `dimension`, with a unit error reported at `field`.
    static func quantity<D: PhysicalDimension>(_ input: Input, _ dimension: D.Type, field: YAMLField) throws -> Quantity<D> {
        guard case let .single(measure) = input.value else { throw field.error("expected a single value") }
        do { return try measure.quantity(dimension) } catch let error as UnitError {
            throw ((try? field.optional("unit")) ?? nil ?? field).error(String(describing: error))
        }
    }
}
