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
