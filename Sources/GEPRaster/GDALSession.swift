import CGDAL
import Foundation

/// GDAL's process-wide set-up, done once: drivers registered, its error handler made quiet so that messages reach
/// users through ``RasterError`` rather than on standard error, its block cache bounded, and glibc's allocator told
/// to keep block-sized buffers.
enum GDALSession {
    /// Allocations up to this size come from the heap, not from fresh mappings. A block's buffers are a few hundred
    /// kilobytes each, allocated and freed for every block; above glibc's default threshold (128 KiB, raised only
    /// as such buffers are freed) each was a new mapping whose pages the kernel zeroed and faulted in again, and the
    /// heap's top was returned to the kernel after each block: a sixth of a water-yield run's time. Whole-grid arrays
    /// (tens of megabytes) are still mapped, and returned when freed.
    static let mmapThreshold: Int32 = 32 << 20
    /// Free memory at the heap's top kept for the next block instead of being returned at once.
    static let trimThreshold: Int32 = 256 << 20

    /// GDAL's block cache unless `GDAL_CACHEMAX` says otherwise. GDAL's own default is 5 % of physical memory, and
    /// the blocks written to a run's output rasters sit in it until flushed: 1.2 GB on this 24 GB machine for a
    /// 4000 × 4000 run, above the 1 GiB a run may take.
    static let cacheBytes: Int64 = 256 << 20

    private static let ready: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        if getenv("GDAL_CACHEMAX") == nil { GDALSetCacheMax64(cacheBytes) }
        // The environment's own settings (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_) win.
        if getenv("MALLOC_MMAP_THRESHOLD_") == nil { _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold) }
        if getenv("MALLOC_TRIM_THRESHOLD_") == nil { _ = mallopt(M_TRIM_THRESHOLD, trimThreshold) }
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
