import GEPCore

/// Provisioning products: goods taken from ecosystems (timber, berries, livestock products, water supplied,
/// hydropower), valued at market prices (market-value method).
///
/// Formula (as `gep services show` prints it): V = Σ_k Q_k·p_k, one input and one price named product:<name> per product
///
/// Each product's quantity may be given in any unit of the dimension its price is quoted per; it is expressed in the
/// price's unit before it is multiplied, which the priced line does (`ValuedLine(quantity:price:)`): the product's
/// physics is its quantity, so this kernel holds the formula and nothing to compute.
///
/// Sources: GEP technical guideline (2020), provisioning services; Garzê (生态学报 2017, 37(19)) §2.3 and Table 3
/// (water supply 1.36 / 150.17 / 17.31 亿 m³ at 2.6 / 3.6 / 0.07 元/m³; hydropower 95.30 亿 kWh at 0.53 元/kWh).
public enum ProvisioningKernel {
    /// The formula as `gep services show` prints it; the doc comment above holds the same text.
    public static let formula = "V = Σ_k Q_k·p_k, one input and one price named product:<name> per product"
}
