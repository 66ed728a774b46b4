/// A combination of inputs that a service kernel refuses: each value lies in its own domain, but together they are
/// physically impossible (storm runoff above precipitation, a soil texture with an erodible fraction above one).
///
/// Kernels are pure functions of typed values for one ecosystem type or one pixel, so they know neither the service
/// nor the accounting unit; the driver that called them adds both (``InputReader/error(_:for:)``).
public struct KernelRejection: Error, Sendable, Hashable {
    /// The input to correct, as named in model files.
    public let input: String
    /// Its value, in the unit the message states.
    public let value: Double
    /// What was expected, e.g. "at most the precipitation, 450 mm".
    public let expected: String

    public init(input: String, value: Double, expected: String) {
        self.input = input
        self.value = value
        self.expected = expected
    }
}

/// A kernel's result for one ecosystem type or pixel, with the warning that goes with it when a domain rule
/// counted it as zero (evaporation of an inflow-fed lake above its rainfall, say).
public struct KernelOutput<Value: Sendable>: Sendable {
    /// The result.
    public let value: Value
    /// Why the value was set to zero or capped, without the ecosystem type (the driver adds it); nil when the
    /// formula applied as written.
    public let warning: WarningText?

    public init(_ value: Value, warning: WarningText? = nil) {
        self.value = value
        self.warning = warning
    }
}

extension KernelOutput: Equatable where Value: Equatable {}
