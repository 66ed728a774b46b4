import GEPCore

/// Cultural tourism: the recreation value people get from visiting ecosystems, by one of two methods.
///
/// Formulas (as `gep services show` prints them):
/// - `travel-cost`: V = N·c (N visits per year, c travel cost per visit), the travel-cost method of the Garzê example
///   (358.68 万人次 → 70.67 亿元 in 2010);
/// - `revenue`: V = I·s (I annual tourism revenue, s share attributable to ecosystems), with I at the prices of its
///   own year and s in 0–1.
///
/// Visits and revenue must be annual figures: cumulative multi-year totals (as in the Xilinhot plan, 《锡林浩特市国家生态文明建设示范市创建规划（2023-2030）》 l.30) are
/// not accepted as they stand.
///
/// Sources: GEP technical guideline (2020), cultural services; Garzê (生态学报 2017, 37(19)) §2.5.
public enum CulturalTourismKernel {
    /// The travel-cost formula as `gep services show` prints it.
    public static let travelCostFormula = "V = N·c (N visits per year, c travel cost per visit)"
    /// The revenue formula as `gep services show` prints it.
    public static let revenueFormula = "V = I·s (I annual tourism revenue, s share attributable to ecosystems)"

    /// I·s: the part of tourism revenue attributable to ecosystems, at the revenue's price year.
    public static func attributableRevenue(_ revenue: Money, ecosystemShare: Double) -> Money {
        Money(revenue.yuan * ecosystemShare, priceYear: revenue.priceYear)
    }
}
