import CGDAL
import Foundation

/// GDAL's process-wide set-up, done once: drivers registered, its error handler made quiet so that messages reach
/// users through ``RasterError`` rather than on standard error, and its block cache bounded.
enum GDALSession {
    /// GDAL's block cache unless `GDAL_CACHEMAX` says otherwise. GDAL's own default is 5 % of physical memory, and
    /// the blocks written to a run's output rasters sit in it until flushed: 1.2 GB on this 24 GB machine for a
    /// 4000 × 4000 run, above the 1 GiB a run may take.
    static let cacheBytes: Int64 = 256 << 20

    private static let ready: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        if getenv("GDAL_CACHEMAX") == nil { GDALSetCacheMax64(cacheBytes) }
        return true
    }()

    /// Registers GDAL's drivers on first use.
    static func start() { _ = ready }

    /// Runs a GDAL call that reports failure through `CPLErr`, turning a failure into a ``RasterError``.
    static func check(_ result: CPLErr, path: String, call: String) throws {
        guard result != CE_None else { return }
        throw RasterError(path: path, call: call, message: lastMessage(or: "GDAL reported an error"))
    }

    /// GDAL's last error message on this thread, or `fallback` when it left none.
    static func lastMessage(or fallback: String) -> String {
        guard let text = CPLGetLastErrorMsg(), text.pointee != 0 else { return fallback }
        return String(cString: text)
    }
}
