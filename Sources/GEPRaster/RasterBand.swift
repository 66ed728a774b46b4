import CGDAL

/// One band of a ``RasterDataset``; keeps its dataset open while it is used.
public struct RasterBand {
    let dataset: RasterDataset
    let handle: GDALRasterBandH
    /// The band's number, from 1.
    public let number: Int

    /// A rectangle of pixels: columns `x..<x+width`, rows `y..<y+height`.
    public struct Window: Sendable, Hashable {
        public let x: Int, y: Int, width: Int, height: Int

        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        public var pixelCount: Int { width * height }
    }

    /// The size of the file's natural blocks (tiles, or strips of rows): reading whole blocks reads each once.
    public var blockSize: (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0
        GDALGetBlockSize(handle, &width, &height)
        return (Int(width), Int(height))
    }

    /// The band's nodata value, or nil when the file declares none.
    public var noData: Double? {
        var declared: Int32 = 0
        let value = GDALGetRasterNoDataValue(handle, &declared)
        return declared != 0 ? value : nil
    }

    /// The unit of the pixel values as the file states it (GDAL's band unit type); empty when unstated.
    public var unit: String { GDALGetRasterUnitType(handle).map { String(cString: $0) } ?? "" }

    /// The windows of the band's natural blocks, row of blocks by row of blocks, clipped at the right and bottom
    /// edges.
    public func blocks() -> [Window] {
        let (blockWidth, blockHeight) = blockSize
        let width = Int(GDALGetRasterBandXSize(handle)), height = Int(GDALGetRasterBandYSize(handle))
        return stride(from: 0, to: height, by: max(1, blockHeight)).flatMap { y in
            stride(from: 0, to: width, by: max(1, blockWidth)).map { x in
                Window(x: x, y: y, width: min(blockWidth, width - x), height: min(blockHeight, height - y))
            }
        }
    }

    /// The pixels of `window` as doubles, row by row, into `buffer` (resized to fit), whatever the file's data type.
    ///
    /// - Throws: ``RasterError`` for a window outside the band, or when GDAL cannot read it (a damaged file).
    public func read(_ window: Window, into buffer: inout [Double]) throws {
        try requireInside(window)
        if buffer.count != window.pixelCount { buffer = [Double](repeating: 0, count: window.pixelCount) }
        CPLErrorReset()
        let result = buffer.withUnsafeMutableBytes { bytes in
            GDALRasterIO(handle, GF_Read, Int32(window.x), Int32(window.y), Int32(window.width), Int32(window.height),
                         bytes.baseAddress, Int32(window.width), Int32(window.height), GDT_Float64, 0, 0)
        }
        try GDALSession.check(result, path: dataset.path, call: "GDALRasterIO")
    }

    /// Writes `values` (row by row, `window.pixelCount` of them) into `window`.
    ///
    /// - Throws: ``RasterError`` for a window outside the band, a wrong number of values, or a failed write.
    public func write(_ values: [Double], to window: Window) throws {
        try requireInside(window)
        guard values.count == window.pixelCount else {
            throw RasterError(path: dataset.path, call: "GDALRasterIO",
                              message: "\(values.count) values for a \(window.width)×\(window.height) window")
        }
        var copy = values
        CPLErrorReset()
        let result = copy.withUnsafeMutableBytes { bytes in
            GDALRasterIO(handle, GF_Write, Int32(window.x), Int32(window.y), Int32(window.width), Int32(window.height),
                         bytes.baseAddress, Int32(window.width), Int32(window.height), GDT_Float64, 0, 0)
        }
        try GDALSession.check(result, path: dataset.path, call: "GDALRasterIO")
    }

    private func requireInside(_ window: Window) throws {
        let width = Int(GDALGetRasterBandXSize(handle)), height = Int(GDALGetRasterBandYSize(handle))
        guard window.x >= 0, window.y >= 0, window.width > 0, window.height > 0,
              window.x + window.width <= width, window.y + window.height <= height else {
            throw RasterError(path: dataset.path, call: "GDALRasterIO",
                              message: "window \(window.width)×\(window.height) at (\(window.x), \(window.y)) is outside the \(width)×\(height) band")
        }
    }
}
