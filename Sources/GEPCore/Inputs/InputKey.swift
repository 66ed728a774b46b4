/// The name of a model input together with the dimension its value must have: declared once per input, so that
/// the requirement a service states and every read of the value agree on both.
///
/// ```swift
/// enum Inputs { static let precipitation = InputKey<Length>("precipitation") }
/// let p = try reader.quantity(Inputs.precipitation, for: type)      // a Quantity<Length>
/// ```
public struct InputKey<Dimension: PhysicalDimension>: Sendable, Hashable, CustomStringConvertible {
    /// The name used in model files, e.g. "precipitation".
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }

    /// The same input in the alternative land-cover map of a raster model (InVEST's `lulc_alt_path`): each pixel
    /// reads the value of the class it has in that map. A table model gives it like any input.
    public var alternative: InputKey { InputKey(name + AlternativeLandCover.suffix) }
}

/// How inputs of a second land-cover map are named: `c-above-alternative` is `c-above` of the pixel's class in the
/// raster model's `alternative-land-cover:` map.
public enum AlternativeLandCover {
    public static let suffix = "-alternative"

    /// The input `key` reads through the alternative map, or nil when `key` is not such an input.
    public static func baseKey(of key: String) -> String? {
        key.hasSuffix(suffix) && key.count > suffix.count ? String(key.dropLast(suffix.count)) : nil
    }
}

/// The key of a price in a price book together with the dimension of the unit it is quoted per.
public struct PriceKey<Dimension: PhysicalDimension>: Sendable, Hashable, CustomStringConvertible {
    /// The name used in price books, e.g. "carbon-price".
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }
}
