/// Growth of a value between two years at the same constant prices, so the change is real, in percent:
/// (current − previous) / previous · 100 (the growth that `gep trend`, the scorecard and the green subsidies report).
///
/// - Precondition: `previous` is not zero (callers refuse a base year without GEP, or report no growth).
public func realGrowthPercent(_ current: Double, over previous: Double) -> Double {
    precondition(previous != 0, "growth over a base of zero")
    return (current - previous) / previous * 100
}
