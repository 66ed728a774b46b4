import CGDAL

/// An open GDAL raster: owns the dataset handle and closes it when released, in GRDB's manner of owning a SQLite
/// connection. Not shared between threads (GDAL datasets are not thread-safe): a driver reading blocks on several
/// threads opens one dataset per thread.
public final class RasterDataset {
    /// The file, for messages.
    public let path: String
    let handle: GDALDatasetH

    init(path: String, handle: GDALDatasetH) {
        self.path = path
        self.handle = handle
    }

    deinit { GDALClose(handle) }

    /// Opens a raster file for reading.
    ///
    /// - Throws: ``RasterError`` naming the file and GDAL's reason (missing, not a raster, unsupported format).
    public static func open(_ path: String) throws -> RasterDataset {
        GDALSession.start()
        CPLErrorReset()
        let flags = UInt32(GDAL_OF_RASTER) | UInt32(GDAL_OF_READONLY) | UInt32(GDAL_OF_VERBOSE_ERROR)
        guard let handle = GDALOpenEx(path, flags, nil, nil, nil) else {
            throw RasterError(path: path, call: "GDALOpenEx", message: GDALSession.lastMessage(or: "cannot open the file as a raster"))
        }
        return RasterDataset(path: path, handle: handle)
    }

    /// How a new GeoTIFF is laid out and described.
    public struct GeoTIFFOptions: Sendable {
        /// Square tiles of this many pixels; a multiple of 16.
        public var tileSize = 256
        /// DEFLATE compression (level 1), with ``floatingPointPredictor``.
        public var compressed = true
        /// Written to every band's nodata value; nil for none.
        public var noData: Double?
        /// The unit of the pixel values (GDAL's band unit type), e.g. "m³/ha".
        public var unit: String
        /// Items of the dataset's default metadata domain (the method, the model, the units' meaning).
        public var metadata: [String: String]
        /// What a pixel holds.
        public enum SampleType: Sendable {
            /// Inputs and intermediate grids, read back exactly.
            case float64
            /// Seven significant digits, as InVEST writes its outputs: half the bytes to compress and store.
            case float32
            /// Codes (zones burnt from polygons).
            case int32
        }

        public var sampleType = SampleType.float64
        /// The floating-point predictor (byte-shuffled differences): files about 4× smaller for smooth fields, but
        /// libtiff applies it slowly, a quarter of a raster run's time when the outputs use it.
        public var floatingPointPredictor = true
        /// Threads GDAL compresses tiles on (its `NUM_THREADS`); tiles are compressed independently, so the file's
        /// bytes do not depend on it.
        public var compressionThreads = 1

        public init(noData: Double?, unit: String, metadata: [String: String] = [:]) {
            self.noData = noData
            self.unit = unit
            self.metadata = metadata
        }
    }

    /// Creates a tiled, compressed GeoTIFF on `grid`, with one band.
    ///
    /// - Throws: ``RasterError`` when GDAL cannot create the file or set its grid, nodata, unit or metadata.
    public static func createGeoTIFF(_ path: String, grid: RasterGrid, options: GeoTIFFOptions) throws -> RasterDataset {
        GDALSession.start()
        CPLErrorReset()
        guard let driver = GDALGetDriverByName("GTiff") else {
            throw RasterError(path: path, call: "GDALGetDriverByName", message: "GDAL has no GTiff driver")
        }
        var creation: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        defer { CSLDestroy(creation) }
        creation = CSLSetNameValue(creation, "TILED", "YES")
        creation = CSLSetNameValue(creation, "BLOCKXSIZE", String(options.tileSize))
        creation = CSLSetNameValue(creation, "BLOCKYSIZE", String(options.tileSize))
        if options.compressed {
            creation = CSLSetNameValue(creation, "COMPRESS", "DEFLATE")
            if options.floatingPointPredictor, options.sampleType != .int32 { creation = CSLSetNameValue(creation, "PREDICTOR", "3") }
            // The fastest level: level 6 (the default) spent a third of a raster run compressing outputs, for files
            // about 13 % smaller.
            creation = CSLSetNameValue(creation, "ZLEVEL", "1")
            if options.compressionThreads > 1 { creation = CSLSetNameValue(creation, "NUM_THREADS", String(options.compressionThreads)) }
        }
        let type = switch options.sampleType {
        case .float64: GDT_Float64
        case .float32: GDT_Float32
        case .int32: GDT_Int32
        }
        guard let handle = GDALCreate(driver, path, Int32(grid.width), Int32(grid.height), 1, type, creation) else {
            throw RasterError(path: path, call: "GDALCreate", message: GDALSession.lastMessage(or: "cannot create the GeoTIFF"))
        }
        let dataset = RasterDataset(path: path, handle: handle)
        var transform = grid.geoTransform
        try GDALSession.check(GDALSetGeoTransform(handle, &transform), path: path, call: "GDALSetGeoTransform")
        if !grid.projection.isEmpty {
            try GDALSession.check(GDALSetProjection(handle, grid.projection), path: path, call: "GDALSetProjection")
        }
        try dataset.describe(options)
        return dataset
    }

    /// Sets `options`' metadata items, and band 1's nodata value and unit: a new GeoTIFF's, or a mosaic's that
    /// describes its tiles the same way.
    ///
    /// - Throws: ``RasterError`` when GDAL refuses one.
    func describe(_ options: GeoTIFFOptions) throws {
        for (key, value) in options.metadata.sorted(by: { $0.key < $1.key }) {
            try GDALSession.check(GDALSetMetadataItem(handle, key, value, nil), path: path, call: "GDALSetMetadataItem")
        }
        let band = try band(1)
        if let noData = options.noData {
            try GDALSession.check(GDALSetRasterNoDataValue(band.handle, noData), path: path, call: "GDALSetRasterNoDataValue")
        }
        try GDALSession.check(GDALSetRasterUnitType(band.handle, options.unit), path: path, call: "GDALSetRasterUnitType")
    }

    /// The grid: size, geotransform and projection.
    ///
    /// - Throws: ``RasterError`` when the file has no geotransform (a grid without coordinates cannot be accounted).
    public func grid() throws -> RasterGrid {
        var transform = [Double](repeating: 0, count: 6)
        CPLErrorReset()
        guard GDALGetGeoTransform(handle, &transform) == CE_None else {
            throw RasterError(path: path, call: "GDALGetGeoTransform",
                              message: "the raster has no geotransform; expected a georeferenced grid (set one with gdal_translate -a_ullr or gdalwarp)")
        }
        let projection = GDALGetProjectionRef(handle).map { String(cString: $0) } ?? ""
        return RasterGrid(width: Int(GDALGetRasterXSize(handle)), height: Int(GDALGetRasterYSize(handle)),
                          geoTransform: transform, projection: projection)
    }

    /// The number of bands.
    public var bandCount: Int { Int(GDALGetRasterCount(handle)) }

    /// Band `number`, counted from 1 as GDAL does.
    ///
    /// - Throws: ``RasterError`` for a band the file does not have.
    public func band(_ number: Int) throws -> RasterBand {
        guard (1...max(1, bandCount)).contains(number), let band = GDALGetRasterBand(handle, Int32(number)) else {
            throw RasterError(path: path, call: "GDALGetRasterBand", message: "no band \(number); the file has \(bandCount)")
        }
        return RasterBand(dataset: self, handle: band, number: number)
    }

    /// An item of the default metadata domain, if set.
    public func metadata(_ key: String) -> String? {
        GDALGetMetadataItem(handle, key, nil).map { String(cString: $0) }
    }

    /// Writes everything to disk and closes nothing: GDAL flushes again when the dataset is released.
    ///
    /// - Throws: ``RasterError`` when the write fails (a full disk).
    public func flush() throws {
        CPLErrorReset()
        GDALFlushCache(handle)
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            throw RasterError(path: path, call: "GDALFlushCache", message: GDALSession.lastMessage(or: "cannot write the file"))
        }
    }
}
