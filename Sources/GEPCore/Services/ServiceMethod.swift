/// One way a service computes its physical amount and value, with what it needs.
///
/// Services that allow alternatives (carbon from NEP, from NPP − Rh, or from forest stock growth; tourism by travel
/// cost or by revenue) offer several methods; the model file picks one per region and reports say which.
public struct ServiceMethod: Sendable {
    /// The name used in model files, e.g. "nep".
    public let id: String
    /// The formula in plain text, with variables and units.
    public let formula: String
    /// The document and section the formula comes from.
    public let source: String
    /// The inputs the method reads, checked before computation.
    public let inputs: [InputRequirement]
    /// The prices the method reads, checked before computation.
    public let prices: [PriceRequirement]
    /// Prefixes of open-ended inputs the method reads besides `inputs` (provisioning reads one `product:<name>`
    /// input per product), so that model-file checks know these names are expected.
    public let inputPrefixes: [String]
    /// Whether the method's values may be negative: a net carbon source releases carbon, so its carbon sink is
    /// below zero, and the service says so in a warning. For every other method a negative line is an error.
    public let allowsNegative: Bool

    public init(id: String, formula: String, source: String, inputs: [InputRequirement], prices: [PriceRequirement],
                inputPrefixes: [String] = [], allowsNegative: Bool = false) {
        self.allowsNegative = allowsNegative
        self.id = id
        self.formula = formula
        self.source = source
        self.inputs = inputs
        self.prices = prices
        self.inputPrefixes = inputPrefixes
    }
}
