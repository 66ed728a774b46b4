import Foundation
import GEPCore

/// Reads a raster region model file (`kind: raster-region`; see `models/README.md`) into a ``RasterModel``: a region
/// file's services, inputs, prices and deflator, with a land-cover raster and its class table, a zone raster and
/// its units, and input grids. Raster paths are relative to the file; the rasters themselves are opened, and checked
/// against each other, when the model runs.
public enum RasterModelFile {
    static let topKeys: Set<String> = ["kind", "sources", "region", "year", "report-year", "prices", "deflator", "population", "gdp",
                                       "service-files", "services", "not-run", "inputs", "land-cover", "alternative-land-cover", "classes", "class-tables", "zones", "grids", "basins"]
    static let layerKeys: Set<String> = ["path", "source", "year", "status", "note"]

    /// - Throws: ``ModelFileError`` naming the file, line and field of the first problem.
    public static func read(_ path: String, registry: ServiceRegistry) throws -> RasterModel {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.rasterRegion, root)
        try root.allowOnly(topKeys)
        let values = ValueReader(sources: try SourceCatalog(root))
        let directory = (path as NSString).deletingLastPathComponent
        let regionField = try root.required("region")
        try regionField.allowOnly(["id", "name", "local-name"])
        let year = try root.required("year").year()

        let (extraServices, extended) = try RegionModelFile.readServiceFiles(root, directory: directory, registry: registry)
        let services = try RegionModelFile.readServices(try root.required("services"), registry: extended)
        let requirements = RegionModelFile.ExpectedInputs(services.map(\.method))
        let regionInputs = try RegionModelFile.readInputs(try root.optional("inputs"), values: values, requirements: requirements)

        let landCover = try layer(try root.required("land-cover"), directory: directory, values: values, extra: [])
        let alternativeField = try root.optional("alternative-land-cover")
        let alternativeLandCover = try alternativeField.map { try layer($0, directory: directory, values: values, extra: []) }
        if alternativeLandCover == nil, let reader = services.first(where: { $0.method.inputs.contains { AlternativeLandCover.baseKey(of: $0.key) != nil } }) {
            throw try root.required("services").error("\(reader.choice.id) (\(reader.method.id)) compares two land-cover maps; give the second as `alternative-land-cover: {path: …}` (InVEST's lulc_alt_path)")
        }
        var codes = Set<Int>()
        let classes = try root.required("classes").sequence().map { entry -> RasterModel.LandCoverClass in
            try entry.allowOnly(["code", "type", "inputs"])
            let codeField = try entry.required("code")
            let code = try codeField.int(in: Int(Int32.min)...Int(Int32.max))
            guard codes.insert(code).inserted else { throw codeField.error("class \(code) appears twice in `classes:`") }
            let typeField = try entry.required("type")
            let name = try typeField.string()
            guard let type = EcosystemType(rawValue: name) else {
                throw typeField.error("unknown ecosystem type \"\(name)\"; expected one of \(EcosystemType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let inputs = try RegionModelFile.readInputs(try entry.optional("inputs"), values: values, requirements: requirements)
            for input in inputs.all {
                guard case .single = input.value else {
                    throw try entry.required("inputs").error("class inputs are single values (one class is one ecosystem type); \(input.key) is given by type")
                }
            }
            return RasterModel.LandCoverClass(code: code, type: type, inputs: inputs)
        }
        guard !classes.isEmpty else { throw try root.required("classes").error("expected at least one land-cover class") }
        let tabled = try readClassTables(try root.optional("class-tables"), directory: directory, values: values, requirements: requirements,
                                         codes: classes.map(\.code))
        let classesWithTables = try classes.map { landClass -> RasterModel.LandCoverClass in
            guard let fromTables = tabled[landClass.code] else { return landClass }
            if let twice = fromTables.all.first(where: { landClass.inputs[$0.key] != nil }) {
                throw try root.required("classes").error("class \(landClass.code) gives \(twice.key) both under `inputs:` and in a class table")
            }
            return RasterModel.LandCoverClass(code: landClass.code, type: landClass.type, inputs: landClass.inputs.merging(fromTables))
        }

        let zonesField = try root.required("zones")
        let zoneLayer = try layer(zonesField, directory: directory, values: values, extra: ["units", "field", "layer"])
        let zonePolygons = try zonesField.optional("field").map { field in
            RasterModel.ZonePolygons(layer: try zonesField.optional("layer")?.string(), field: try field.string())
        }
        if zonePolygons == nil, let layerField = try zonesField.optional("layer") {
            throw layerField.error("`layer:` names a layer of a vector file; give the attribute holding the zone codes with `field:` too")
        }
        var zoneCodes = Set<Int>(), zoneIDs = Set<String>()
        let zones = try zonesField.required("units").sequence().map { entry -> RasterModel.Zone in
            try entry.allowOnly(["code", "id", "name", "local-name"])
            let codeField = try entry.required("code"), idField = try entry.required("id")
            let code = try codeField.int(in: Int(Int32.min)...Int(Int32.max)), id = try idField.string()
            guard zoneCodes.insert(code).inserted else { throw codeField.error("zone code \(code) appears twice") }
            guard zoneIDs.insert(id).inserted else { throw idField.error("zone id \"\(id)\" appears twice") }
            return RasterModel.Zone(code: code, id: id, name: try entry.required("name").string(), localName: try entry.optional("local-name")?.string())
        }
        guard !zones.isEmpty else { throw zonesField.error("expected at least one zone under `units:`") }

        var grids: [RasterModel.Grid] = [], derivedGrids: [RasterModel.DerivedGrid] = []
        for (key, entry) in try root.optional("grids")?.mapping() ?? [] {
            guard let requirement = requirements.byKey[key] else {
                throw entry.error("no chosen service reads an input named \"\(key)\"; check the spelling or the services list")
            }
            if let deriveField = try entry.optional("derive") {
                let derived = try derivedGrid(key, entry, deriveField, directory: directory, values: values, registry: extended)
                try values.requireDimension(Input(key, .single(Measure(1, derived.derivation.outputUnit)), provenance: derived.provenance),
                                            deriveField, requirement.dimension)
                derivedGrids.append(derived)
                continue
            }
            let unitField = try entry.required("unit")
            let unit = try unitField.string(allowEmpty: true)
            let input = Input(key, .single(Measure(1, unit)), provenance: try values.provenance(entry))
            try values.requireDimension(input, unitField, requirement.dimension)
            grids.append(RasterModel.Grid(key: key, layer: try layer(entry, directory: directory, values: values, extra: ["unit"]), unit: unit))
        }

        let basins = try root.optional("basins").map { field -> RasterModel.Layer in
            guard derivedGrids.contains(where: { $0.derivation.reach == .wholeGrid }) else {
                throw field.error("`basins:` is read only by derivations over the whole grid (derive: rusle-ls), and this model has none")
            }
            return try layer(field, directory: directory, values: values, extra: [])
        }

        let prices = try PriceBookFile.read(try root.required("prices").filePath(in: directory))
        let deflator = try root.optional("deflator").map { try DeflatorFile.read(try $0.filePath(in: directory)) }
        return RasterModel(
            regionID: try regionField.required("id").string(), regionName: try regionField.required("name").string(),
            regionLocalName: try regionField.optional("local-name")?.string(), year: year,
            reportYear: try root.optional("report-year")?.year() ?? year, services: services.map(\.choice), regionInputs: regionInputs,
            facts: try RegionModelFile.readFacts(population: try root.optional("population"), gdp: try root.optional("gdp"), values: values),
            prices: prices, deflator: deflator, extraServices: extraServices,
            servicesNotRun: try RegionModelFile.readServicesNotRun(try root.optional("not-run"), chosen: services, registry: extended),
            landCover: landCover,
            alternativeLandCover: alternativeLandCover, classes: classesWithTables,
            zoneLayer: zoneLayer, zonePolygons: zonePolygons, zones: zones, grids: grids, derivedGrids: derivedGrids, basins: basins)
    }

    /// An input derived from other rasters (`derive: <id>` with one field per operand): each operand a raster
    /// (`path:`), a raster per month (`paths:`, twelve), one value (`value:`) or one per month (`values:`), with its
    /// `unit:`; operands take the entry's provenance.
    private static func derivedGrid(_ key: String, _ entry: YAMLField, _ deriveField: YAMLField, directory: String, values: ValueReader,
                                    registry: ServiceRegistry) throws -> RasterModel.DerivedGrid {
        let id = try deriveField.string()
        guard let derivation = registry.derivation(id) else {
            let known = registry.derivations.filter { $0.output == key }.map(\.id)
            throw deriveField.error("unknown derivation \"\(id)\" for \(key); expected \(known.isEmpty ? "none (no derivation gives \(key))" : "one of \(known.joined(separator: ", "))")")
        }
        guard derivation.output == key else {
            throw deriveField.error("derivation \(id) gives \(derivation.output), not \(key)")
        }
        try entry.allowOnly(layerKeys.subtracting(["path"]).union(["derive"]).union(derivation.operands.map(\.name)))
        let provenance = try values.provenance(entry)
        let operands = try derivation.operands.map { operand -> RasterModel.DerivedGrid.Operand in
            guard let field = try entry.optional(operand.name) else {
                guard let value = operand.defaultValue else {
                    throw entry.error("\(key) (derive: \(id)) needs \(operand.name): \(operand.description), in \(operand.unit.isEmpty ? "a pure number" : operand.unit)")
                }
                return .values(Array(repeating: value, count: operand.periods), unit: operand.unit)
            }
            try field.allowOnly(["path", "paths", "value", "values", "unit"])
            let unitField = try field.required("unit")
            let unit = try unitField.string(allowEmpty: true)
            let given: RasterModel.DerivedGrid.Operand
            if let path = try field.optional("path") {
                given = .rasters([RasterModel.Layer(path: try path.filePath(in: directory), provenance: provenance)], unit: unit)
            } else if let paths = try field.optional("paths") {
                given = .rasters(try paths.sequence().map { RasterModel.Layer(path: try $0.filePath(in: directory), provenance: provenance) }, unit: unit)
            } else if let value = try field.optional("value") {
                given = .values([try value.double()], unit: unit)
            } else if let list = try field.optional("values") {
                given = .values(try list.sequence().map { try $0.double() }, unit: unit)
            } else {
                throw field.error("expected path:, paths:, value: or values: for \(operand.name)")
            }
            guard given.periods == operand.periods else {
                throw field.error("\(operand.name) gives \(given.periods) \(given.periods == 1 ? "value or raster" : "values or rasters"); expected \(operand.periods == 12 ? "12, one per month from January" : "one")")
            }
            guard given.factor(to: operand) != nil else {
                throw unitField.error("\(operand.name) is in \"\(unit)\"; expected \"\(operand.unit)\"\(UnitCatalog.dimension(ofUnit: operand.unit) == nil ? "" : " or another unit of \(UnitCatalog.dimensionName(ofUnit: operand.unit) ?? "its dimension")")")
            }
            return given
        }
        return RasterModel.DerivedGrid(derivation: derivation, operands: operands, provenance: provenance)
    }

    /// A raster path with its provenance.
    private static func layer(_ field: YAMLField, directory: String, values: ValueReader, extra: Set<String>) throws -> RasterModel.Layer {
        try field.allowOnly(layerKeys.union(extra))
        return RasterModel.Layer(path: try field.required("path").filePath(in: directory), provenance: try values.provenance(field))
    }
}
