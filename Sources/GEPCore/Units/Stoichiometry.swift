/// Mass ratios of the gases the carbon services and carbon projects count, per mass unit of carbon.
public enum Stoichiometry {
    /// The mass of CO₂ that contains one mass unit of carbon: 44/12 (molar masses 44.01 and 12.011 g/mol, rounded
    /// as the GEP guideline and the CCER methodologies do).
    public static let co2PerCarbon = 44.0 / 12.0
    /// The mass of O₂ released per mass unit of carbon fixed: 32/12.
    public static let oxygenPerCarbon = 32.0 / 12.0
}
