/// A raster that cannot be read, written or used as asked: every GDAL failure (a `CPLErr` other than `CE_None`, or a
/// NULL handle) becomes one of these, carrying the file, the GDAL call and GDAL's own message.
public struct RasterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The raster file.
    public let path: String
    /// The GDAL call that failed ("GDALOpenEx", "GDALRasterIO"), or the check that refused the file.
    public let call: String
    /// What went wrong and what was expected.
    public let message: String

    public init(path: String, call: String, message: String) {
        self.path = path
        self.call = call
        self.message = message
    }

    public var description: String { "\(path): \(message) (\(call))" }
}
