import CGDAL

/// The grid a raster lies on: its size in pixels, its affine geotransform and its projection. Inputs of one raster
/// model must share it exactly; GEPKit does no resampling.
public struct RasterGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// GDAL's geotransform: x = g₀ + col·g₁ + row·g₂, y = g₃ + col·g₄ + row·g₅, at a pixel's top-left corner.
    public let geoTransform: [Double]
    /// The projection as WKT (empty when the file has none).
    public let projection: String

    public init(width: Int, height: Int, geoTransform: [Double], projection: String) {
        self.width = width
        self.height = height
        self.geoTransform = geoTransform
        self.projection = projection
    }

    /// The grid of `window` of this one (a block's, or a tile's rows): the same pixel size and projection, its
    /// origin at the window's top-left corner.
    public func window(_ window: RasterBand.Window) -> RasterGrid {
        let g = geoTransform
        let transform = [g[0] + Double(window.x) * g[1] + Double(window.y) * g[2], g[1], g[2],
                         g[3] + Double(window.x) * g[4] + Double(window.y) * g[5], g[4], g[5]]
        return RasterGrid(width: window.width, height: window.height, geoTransform: transform, projection: projection)
    }

    /// Pixel width and height in the projection's units (the height is positive for north-up grids).
    public var pixelSize: (x: Double, y: Double) { (geoTransform[1], -geoTransform[5]) }

    /// Checks that `other`, read from `path`, lies on this grid (read from `reference`), naming what differs.
    ///
    /// Geotransforms are compared to 10⁻⁹ of a pixel, so that the same grid written by two tools passes.
    ///
    /// - Throws: ``RasterError`` saying what differs and how to align the file with `gdalwarp`.
    public func requireAligned(_ other: RasterGrid, path: String, reference: String) throws {
        let fix = "GEPKit does not resample; align it with `gdalwarp -te <xmin ymin xmax ymax> -tr <xres yres> -t_srs <srs of \(reference)>`"
        if other.width != width || other.height != height {
            throw RasterError(path: path, call: "grid check",
                              message: "the grid is \(other.width)×\(other.height) pixels; expected \(width)×\(height) like \(reference). \(fix)")
        }
        let tolerance = 1e-9 * max(abs(geoTransform[1]), abs(geoTransform[5]))
        if zip(other.geoTransform, geoTransform).contains(where: { abs($0 - $1) > tolerance }) {
            throw RasterError(path: path, call: "grid check",
                              message: "the geotransform is \(other.geoTransform); expected \(geoTransform) like \(reference). \(fix)")
        }
        if !Self.sameProjection(other.projection, projection) {
            throw RasterError(path: path, call: "grid check",
                              message: "the projection differs from \(reference)'s. \(fix)")
        }
    }

    /// Whether two WKT strings name the same spatial reference (GDAL's `OSRIsSame`), so that the same projection
    /// written by two tools in different WKT flavours passes; two empty strings are the same.
    static func sameProjection(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard !a.isEmpty, !b.isEmpty else { return false }
        GDALSession.start()
        guard let first = OSRNewSpatialReference(a) else { return false }
        defer { OSRDestroySpatialReference(first) }
        guard let second = OSRNewSpatialReference(b) else { return false }
        defer { OSRDestroySpatialReference(second) }
        return OSRIsSame(first, second) != 0
    }
}

extension RasterGrid {
    /// The WKT of an EPSG code (GDAL's `OSRImportFromEPSG`, from PROJ's database), for building grids in Swift.
    ///
    /// - Throws: ``RasterError`` for a code PROJ does not know.
    public static func projection(epsg code: Int) throws -> String {
        GDALSession.start()
        guard let reference = OSRNewSpatialReference(nil) else {
            throw RasterError(path: "EPSG:\(code)", call: "OSRNewSpatialReference", message: "cannot create a spatial reference")
        }
        defer { OSRDestroySpatialReference(reference) }
        CPLErrorReset()
        guard OSRImportFromEPSG(reference, Int32(code)) == OGRERR_NONE else {
            throw RasterError(path: "EPSG:\(code)", call: "OSRImportFromEPSG", message: GDALSession.lastMessage(or: "unknown EPSG code"))
        }
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(reference, &text) == OGRERR_NONE, let text else {
            throw RasterError(path: "EPSG:\(code)", call: "OSRExportToWkt", message: GDALSession.lastMessage(or: "cannot write the WKT"))
        }
        defer { VSIFree(text) }  // CPLFree is a C macro for VSIFree
        return String(cString: text)
    }
}
