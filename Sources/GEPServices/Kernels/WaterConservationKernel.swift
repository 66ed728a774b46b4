import GEPCore

/// Water conservation for one ecosystem type or one pixel: the precipitation kept rather than lost to storm runoff
/// or evapotranspiration (water balance).
///
/// Formula (as `gep services show` prints it): Q = Σᵢ Aᵢ·(Pᵢ − Rᵢ − ETᵢ), Rᵢ = Pᵢ·αᵢ where R is not given; V = Q·C_res
///
/// - Aᵢ: area of type i (m²); Pᵢ: annual precipitation (mm); Rᵢ: storm runoff (暴雨径流量, mm);
///   αᵢ: storm-runoff coefficient (0–1); ETᵢ: actual evapotranspiration (mm); Q in m³ (1 mm over 1 km² = 10³ m³);
///   C_res: construction cost of reservoir storage (元/m³; 7.06 元/m³ at 2010 prices in the Garzê table, after
///   LY/T 1721-2008).
///
/// Domain rules: storm runoff larger than precipitation is rejected. Evapotranspiration larger than P − R is
/// rejected on land, where it would mean water appearing from nowhere; on lakes, rivers and marshes, which are fed
/// by inflow, the type contributes zero with a warning.
///
/// Sources: 《陆地生态系统生产总值（GEP）核算技术指南》 (2020), water conservation; the same balance is
/// G = 10·A·(P − E − C) in GB/T 38582-2020 for forest stands (A in hm²); worked example: 白玛卓嘎 et al., 生态学报
/// 2017, 37(19): 6302–6312, §2.4.1, doi:10.5846/stxb201607011362.
public enum WaterConservationKernel {
    /// The formula as `gep services show` prints it; the doc comment above holds the same text.
    public static let formula = "Q = Σᵢ Aᵢ·(Pᵢ − Rᵢ − ETᵢ), Rᵢ = Pᵢ·αᵢ where R is not given; V = Q·C_res"

    /// How storm runoff is known: measured as a depth, or derived from precipitation with a coefficient.
    public enum StormRunoff: Sendable, Hashable {
        case depth(Quantity<Length>)
        case coefficient(Double)
    }

    /// The water kept by `area` of one ecosystem type.
    ///
    /// - Parameter inflowFed: whether the type is open water or marsh, whose evaporation may exceed its rainfall.
    /// - Throws: a rejection of `storm-runoff` above precipitation, or of `evapotranspiration` above P − R on land.
    public static func retained(precipitation: Quantity<Length>, stormRunoff: StormRunoff,
                                evapotranspiration: Quantity<Length>, area: Quantity<Area>,
                                inflowFed: Bool) throws(KernelRejection) -> KernelOutput<Quantity<Volume>> {
        let runoff: Quantity<Length>
        switch stormRunoff {
        case let .depth(depth): runoff = depth
        case let .coefficient(alpha): runoff = precipitation * alpha
        }
        guard runoff <= precipitation else {
            throw KernelRejection(input: "storm-runoff", value: runoff.value(in: .millimetre),
                                  expected: "at most the precipitation, \(sixFigures(precipitation.value(in: .millimetre))) mm")
        }
        let depth = retainedDepth(precipitation: precipitation, stormRunoff: runoff, evapotranspiration: evapotranspiration)
        if depth.baseValue >= 0 { return KernelOutput(depth * area) }
        let available = (precipitation - runoff).value(in: .millimetre)
        guard inflowFed else {
            throw KernelRejection(input: "evapotranspiration", value: evapotranspiration.value(in: .millimetre),
                                  expected: "at most P − R = \(sixFigures(available)) mm on land")
        }
        return KernelOutput(.zero, warning: WarningText {
            "ET \(sixFigures(evapotranspiration.value(in: .millimetre))) mm exceeds P − R = \(sixFigures(available)) mm "
                + "(inflow-fed evaporation); counted as zero water conservation"
        })
    }

    /// The water-balance depth kept by one ecosystem type, P − R − ET (negative when ET exceeds P − R).
    public static func retainedDepth(precipitation: Quantity<Length>, stormRunoff: Quantity<Length>,
                                     evapotranspiration: Quantity<Length>) -> Quantity<Length> {
        precipitation - stormRunoff - evapotranspiration
    }
}
