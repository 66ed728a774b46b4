/// A coarse picture of one service's per-pixel result, for reports: the raster's pixels averaged into a grid of at
/// most ``maximumSide`` cells a side, keeping the raster's proportions. Cells with no pixel in the region are nil.
public struct QuickLookMap: Sendable, Codable, Equatable {
    /// The longest side, in cells.
    public static let maximumSide = 80

    /// The service id.
    public let service: String
    /// The unit of the values, e.g. "m³/ha".
    public let unit: String
    public let width: Int
    public let height: Int
    /// Row by row from the north; the mean of the cell's pixels, or nil.
    public let values: [Double?]

    public init(service: String, unit: String, width: Int, height: Int, values: [Double?]) {
        self.service = service
        self.unit = unit
        self.width = width
        self.height = height
        self.values = values
    }

    /// The cell grid for a raster of `width` × `height` pixels.
    public static func cells(width: Int, height: Int) -> (width: Int, height: Int) {
        let scale = min(1, Double(maximumSide) / Double(max(width, height, 1)))
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }
}
