import Foundation
import GEPCore

/// Reads a raster region model file (`kind: raster-region`; see `models/README.md`) into a ``RasterModel``: a region
/// file's services, inputs, prices and deflator, with a land-cover raster and its class table, a zone raster and
/// its units, and input grids. Raster paths are relative to the file; the rasters themselves are opened, and checked
/// against each other, when the model runs.
public enum RasterModelFile {
    static let topKeys: Set<String> = ["kind", "sources", "region", "year", "report-year", "prices", "deflator", "population", "gdp",
                                       "service-files", "services", "inputs", "land-cover", "classes", "zones", "grids"]
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

        let zonesField = try root.required("zones")
        let zoneLayer = try layer(zonesField, directory: directory, values: values, extra: ["units"])
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

        let grids = try (try root.optional("grids")?.mapping() ?? []).map { pair -> RasterModel.Grid in
            let (key, entry) = pair
            let unitField = try entry.required("unit")
            let unit = try unitField.string(allowEmpty: true)
            let input = Input(key, .single(Measure(1, unit)), provenance: try values.provenance(entry))
            if let requirement = requirements.byKey[key] {
                try values.requireDimension(input, unitField, requirement.dimension)
            } else {
                throw entry.error("no chosen service reads an input named \"\(key)\"; check the spelling or the services list")
            }
            return RasterModel.Grid(key: key, layer: try layer(entry, directory: directory, values: values, extra: ["unit"]), unit: unit)
        }

        let prices = try PriceBookFile.read(try root.required("prices").filePath(in: directory))
        let deflator = try root.optional("deflator").map { try DeflatorFile.read(try $0.filePath(in: directory)) }
        return RasterModel(
            regionID: try regionField.required("id").string(), regionName: try regionField.required("name").string(),
            regionLocalName: try regionField.optional("local-name")?.string(), year: year,
            reportYear: try root.optional("report-year")?.year() ?? year, services: services.map(\.choice), regionInputs: regionInputs,
            facts: try RegionModelFile.readFacts(population: try root.optional("population"), gdp: try root.optional("gdp"), values: values),
            prices: prices, deflator: deflator, extraServices: extraServices, landCover: landCover, classes: classes,
            zoneLayer: zoneLayer, zones: zones, grids: grids)
    }

    /// A raster path with its provenance.
    private static func layer(_ field: YAMLField, directory: String, values: ValueReader, extra: Set<String>) throws -> RasterModel.Layer {
        try field.allowOnly(layerKeys.union(extra))
        return RasterModel.Layer(path: try field.required("path").filePath(in: directory), provenance: try values.provenance(field))
    }
}
