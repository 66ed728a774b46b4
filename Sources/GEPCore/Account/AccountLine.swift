/// One column of an ``Account``'s physical table: a valued line of one service, with its unit and price key.
public struct AccountLine: Sendable, Hashable {
    /// The service the line belongs to.
    public let service: ServiceID
    /// The service's category.
    public let category: ServiceCategory
    /// The line's id within the service, e.g. "co2-fixed".
    public let line: String
    /// What the quantity is.
    public let label: String
    /// The unit of the quantity, e.g. t; its symbol is for display.
    public let unit: AnyUnit
    /// The key of the price that values it.
    public let priceKey: String
    /// Whether the line counts towards GEP. Lines left out (oxygen release under the final-product rule, flood
    /// regulation where the guideline forbids summing it with water conservation) are still reported.
    public let includedInTotal: Bool

    public init(service: ServiceID, category: ServiceCategory, line: String, label: String, unit: AnyUnit,
                priceKey: String, includedInTotal: Bool = true) {
        self.service = service
        self.category = category
        self.line = line
        self.label = label
        self.unit = unit
        self.priceKey = priceKey
        self.includedInTotal = includedInTotal
    }
}
