import GEPCore

/// Pollutant removal by ecosystems, for one pollutant: uptake over the ecosystem types, capped at what the unit
/// emits or discharges, valued at the cost of treating the same amount by other means (防治费用法).
///
/// Formulas (as `gep services show` prints them):
/// - air purification: Q_k = min(Σᵢ Aᵢ·r_k,i, E_k), k ∈ {SO₂, NOx, dust}; V = Σ_k Q_k·c_k, over the vegetated types,
///   with r the uptake rate per area and E the emission in the unit; the Garzê table uses c = 1200 / 630 / 150 元/t
///   (2010, from the 2003 pollutant-discharge fee standard);
/// - water purification: Q_k = min(Σᵢ Aᵢ·r_k,i, L_k), k ∈ {COD, NH₃-N, TP}, wetlands and water; V = Σ_k Q_k·c_k, over
///   marshes, lakes, rivers and reservoirs, with L the load discharged; the Garzê table uses 700 元/t COD and
///   875 元/t NH₃-N (2010). The guideline counts total phosphorus too, but neither it nor Garzê prices TP removed by
///   water: TP is valued at the phosphorus treatment cost the same guideline family uses for soil retention
///   (2800 元/t P, Garzê §2.4.2), one `phosphorus-removal-cost` in the price book for both. Garzê has no TP row: a
///   reproduction gives its TP removal rate as 0.
///
/// Domain rule: an ecosystem cannot clean more than is emitted, so removal is capped at the emission or load when
/// one is given, with a warning when the cap binds.
///
/// Sources: GEP technical guideline (2020), air and water purification; Garzê (生态学报 2017, 37(19)) §2.4.5–2.4.6
/// and Table 3 (1137 t SO₂, 2772 t NOx, 941 t dust; 5424 t COD, 625 t NH₃-N).
public enum PollutantRemovalKernel {
    /// The air purification formula, as `gep services show` prints it.
    public static let airFormula = "Q_k = min(Σᵢ Aᵢ·r_k,i, E_k), k ∈ {SO₂, NOx, dust}; V = Σ_k Q_k·c_k"
    /// The water purification formula, as `gep services show` prints it.
    public static let waterFormula = "Q_k = min(Σᵢ Aᵢ·r_k,i, L_k), k ∈ {COD, NH₃-N, TP}, wetlands and water; V = Σ_k Q_k·c_k"

    /// Aᵢ·rᵢ: what one ecosystem type takes up.
    public static func uptake(area: Quantity<Area>, rate: Quantity<ArealMass>) -> Quantity<Mass> {
        rate * area
    }

    /// min(uptake, emitted); the uptake as it is when nothing caps it.
    public static func removed(uptake: Quantity<Mass>, emitted: Quantity<Mass>?) -> KernelOutput<Quantity<Mass>> {
        guard let emitted, uptake > emitted else { return KernelOutput(uptake) }
        return KernelOutput(emitted, warning: WarningText {
            "uptake \(sixFigures(uptake.value(in: .tonne))) t capped at the \(sixFigures(emitted.value(in: .tonne))) t emitted"
        })
    }
}
