import CGDAL
import Foundation

/// A layer of polygons in a vector file (GeoPackage, Shapefile, anything OGR reads), owned like
/// ``RasterDataset``: for zones given as boundaries rather than as a raster, burnt onto a grid with GDAL.
public final class VectorLayer {
    /// The file, for messages.
    public let path: String
    private let dataset: GDALDatasetH
    let handle: OGRLayerH

    private init(path: String, dataset: GDALDatasetH, handle: OGRLayerH) {
        self.path = path
        self.dataset = dataset
        self.handle = handle
    }

    deinit { GDALClose(dataset) }

    /// Opens the layer called `name` of a vector file, or its first layer when `name` is nil.
    ///
    /// - Throws: ``RasterError`` when the file cannot be opened as vectors or has no such layer.
    public static func open(_ path: String, layer name: String? = nil) throws -> VectorLayer {
        GDALSession.start()
        CPLErrorReset()
        let flags = UInt32(GDAL_OF_VECTOR) | UInt32(GDAL_OF_READONLY) | UInt32(GDAL_OF_VERBOSE_ERROR)
        guard let dataset = GDALOpenEx(path, flags, nil, nil, nil) else {
            throw RasterError(path: path, call: "GDALOpenEx", message: GDALSession.lastMessage(or: "cannot open the file as a vector layer"))
        }
        guard let handle = name.map({ GDALDatasetGetLayerByName(dataset, $0) }) ?? GDALDatasetGetLayer(dataset, 0) else {
            let names = (0..<GDALDatasetGetLayerCount(dataset)).compactMap { GDALDatasetGetLayer(dataset, $0).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) } }
            GDALClose(dataset)
            throw RasterError(path: path, call: "GDALDatasetGetLayer",
                              message: "no layer \(name.map { "\"\($0)\"" } ?? "at all"); expected one of \(names.joined(separator: ", "))")
        }
        return VectorLayer(path: path, dataset: dataset, handle: handle)
    }

    /// The layer's spatial reference as WKT, empty when it has none.
    public var projection: String {
        guard let reference = OGR_L_GetSpatialRef(handle) else { return "" }
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(reference, &text) == OGRERR_NONE, let text else { return "" }
        defer { VSIFree(text) }
        return String(cString: text)
    }

    /// The bounding box of every feature: (xmin, xmax, ymin, ymax) in the layer's units.
    public func extent() throws -> (minX: Double, maxX: Double, minY: Double, maxY: Double) {
        var envelope = OGREnvelope()
        guard OGR_L_GetExtent(handle, &envelope, 1) == OGRERR_NONE else {
            throw RasterError(path: path, call: "OGR_L_GetExtent", message: "the layer has no features with a geometry")
        }
        return (envelope.MinX, envelope.MaxX, envelope.MinY, envelope.MaxY)
    }

    /// Each feature's id and the value of its numeric attribute `field` (nil where the value is unset).
    ///
    /// - Throws: ``RasterError`` when the layer has no field called `field`.
    public func values(of field: String) throws -> [(feature: Int, value: Double?)] {
        let index = OGR_L_FindFieldIndex(handle, field, 1)
        guard index >= 0 else {
            let definition = OGR_L_GetLayerDefn(handle)
            let names = (0..<OGR_FD_GetFieldCount(definition)).compactMap { OGR_FD_GetFieldDefn(definition, $0).flatMap { OGR_Fld_GetNameRef($0) } }
                .map { String(cString: $0) }
            throw RasterError(path: path, call: "OGR_L_FindFieldIndex",
                              message: "no field \"\(field)\"; expected one of \(names.joined(separator: ", "))")
        }
        var result: [(Int, Double?)] = []
        OGR_L_ResetReading(handle)
        while let feature = OGR_L_GetNextFeature(handle) {
            defer { OGR_F_Destroy(feature) }
            result.append((Int(OGR_F_GetFID(feature)), OGR_F_IsFieldSetAndNotNull(feature, index) != 0 ? OGR_F_GetFieldAsDouble(feature, index) : nil))
        }
        OGR_L_ResetReading(handle)
        return result
    }

    /// The polygons' `field` values burnt onto `window` of `grid`, row by row: a pixel takes the value of the polygon
    /// holding its centre (GDAL's rule; where polygons overlap, the later one), `noData` where none does. Done in
    /// memory for one block, reading only the polygons whose bounding box meets it (through the layer's spatial
    /// index, where it has one): a run burns each block as it reads it, on its own thread's layer, so no grid-sized
    /// zone raster is written (that file and its one-thread burn were a sixth of a carbon run).
    ///
    /// - Throws: ``RasterError`` when GDAL fails.
    func burn(field: String, window: RasterBand.Window, of grid: RasterGrid, noData: Double) throws -> [Double] {
        CPLErrorReset()
        guard let driver = GDALGetDriverByName("MEM"),
              let target = GDALCreate(driver, "", Int32(window.width), Int32(window.height), 1, GDT_Int32, nil) else {
            throw RasterError(path: path, call: "GDALCreate", message: GDALSession.lastMessage(or: "cannot create an in-memory block"))
        }
        let block = RasterDataset(path: path, handle: target)
        let g = grid.geoTransform
        var transform = grid.window(window).geoTransform
        try GDALSession.check(GDALSetGeoTransform(target, &transform), path: path, call: "GDALSetGeoTransform")
        if !grid.projection.isEmpty { try GDALSession.check(GDALSetProjection(target, grid.projection), path: path, call: "GDALSetProjection") }
        let xs = [transform[0], transform[0] + Double(window.width) * g[1] + Double(window.height) * g[2]]
        let ys = [transform[3], transform[3] + Double(window.width) * g[4] + Double(window.height) * g[5]]
        OGR_L_SetSpatialFilterRect(handle, xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 0, ys.max() ?? 0)
        defer { OGR_L_SetSpatialFilter(handle, nil) }
        let band = try block.band(1)
        try GDALSession.check(GDALFillRaster(band.handle, noData, 0), path: path, call: "GDALFillRaster")
        let options = CSLSetNameValue(nil, "ATTRIBUTE", field)
        defer { CSLDestroy(options) }
        var bands: [Int32] = [1]
        var layers: [OGRLayerH?] = [handle]
        try GDALSession.check(GDALRasterizeLayers(target, 1, &bands, 1, &layers, nil, nil, nil, options, nil, nil),
                              path: path, call: "GDALRasterizeLayers")
        var values: [Double] = []
        try band.read(RasterBand.Window(x: 0, y: 0, width: window.width, height: window.height), into: &values)
        return values
    }

    /// Writes a GeoPackage layer of polygons, each given as WKT with an integer attribute `field`: boundaries for
    /// tests and examples, or zones drawn in Swift.
    ///
    /// - Throws: ``RasterError`` when GDAL cannot create the file, the layer or a feature (malformed WKT).
    public static func writeGeoPackage(_ path: String, layer name: String, projection: String, field: String,
                                       polygons: [(code: Int, wkt: String)]) throws {
        GDALSession.start()
        CPLErrorReset()
        guard let driver = GDALGetDriverByName("GPKG") else {
            throw RasterError(path: path, call: "GDALGetDriverByName", message: "GDAL has no GPKG driver")
        }
        guard let dataset = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw RasterError(path: path, call: "GDALCreate", message: GDALSession.lastMessage(or: "cannot create the file"))
        }
        defer { GDALClose(dataset) }
        let reference = projection.isEmpty ? nil : OSRNewSpatialReference(projection)
        defer { if let reference { OSRDestroySpatialReference(reference) } }
        guard let layer = GDALDatasetCreateLayer(dataset, name, reference, wkbPolygon, nil) else {
            throw RasterError(path: path, call: "GDALDatasetCreateLayer", message: GDALSession.lastMessage(or: "cannot create the layer"))
        }
        let definition = OGR_Fld_Create(field, OFTInteger)
        defer { OGR_Fld_Destroy(definition) }
        guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else {
            throw RasterError(path: path, call: "OGR_L_CreateField", message: GDALSession.lastMessage(or: "cannot create the field"))
        }
        for polygon in polygons {
            guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else {
                throw RasterError(path: path, call: "OGR_F_Create", message: "cannot create a feature")
            }
            defer { OGR_F_Destroy(feature) }
            OGR_F_SetFieldInteger(feature, 0, Int32(polygon.code))
            var geometry: OGRGeometryH?
            var text: UnsafeMutablePointer<CChar>? = strdup(polygon.wkt)
            let start = text
            defer { free(start) }
            guard OGR_G_CreateFromWkt(&text, reference, &geometry) == OGRERR_NONE, let geometry else {
                throw RasterError(path: path, call: "OGR_G_CreateFromWkt", message: "malformed polygon \(polygon.wkt)")
            }
            defer { OGR_G_DestroyGeometry(geometry) }
            guard OGR_F_SetGeometry(feature, geometry) == OGRERR_NONE, OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
                throw RasterError(path: path, call: "OGR_L_CreateFeature", message: GDALSession.lastMessage(or: "cannot write a feature"))
            }
        }
    }
}
