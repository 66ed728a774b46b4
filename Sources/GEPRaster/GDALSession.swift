import CGDAL

/// GDAL's process-wide set-up, done once: drivers registered, and its error handler made quiet so that messages
/// reach users through ``RasterError`` rather than on standard error.
enum GDALSession {
    private static let ready: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
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
