import Foundation
import GEPCore

/// Flood regulation: the flood water that lakes, reservoirs and marshes can hold (Garzê eqs. 8–10, after 饶恩明
/// et al., 生态学报 2014, 34(21): 6225–6231).
///
/// Formula (as `gep services show` prints it): C_l = e^a·A_l^b·T (10⁴ m³, A_l in km²); C_r = f·C_t; C_m = h·A_m; V = (C_l + C_r + C_m)·C_res
///
/// - lakes: A_l the lake area (km²), T the turnover (times per year) and a, b regional coefficients (a = 6.636,
///   b = 0.678 for the Tibetan plateau; other regions need their own);
/// - reservoirs: the flood-control share f (0.35 in Garzê) of the total storage C_t;
/// - marshes: the surface-retention depth h (0.3 m in Garzê) over the marsh area A_m;
/// - C_res: the reservoir construction cost per m³.
///
/// Sources: GEP technical guideline (2020), flood regulation; Garzê (生态学报 2017, 37(19)) §2.4.4; 饶恩明 et al. 2014.
public enum FloodRegulationKernel {
    /// The formula as `gep services show` prints it; the doc comment above holds the same text.
    public static let formula = "C_l = e^a·A_l^b·T (10⁴ m³, A_l in km²); C_r = f·C_t; C_m = h·A_m; V = (C_l + C_r + C_m)·C_res"

    /// Lake flood storage C_l = e^a · A^b · T, in 10⁴ m³ for A in km².
    public static func lakeStorage(area: Quantity<Area>, coefficient a: Double, exponent b: Double, turnover t: Double) -> Quantity<Volume> {
        Quantity(exp(a) * pow(area.value(in: .squareKilometre), b) * t, .tenThousandCubicMetres)
    }

    /// Reservoir flood storage C_r = f · C_t.
    public static func reservoirStorage(totalStorage: Quantity<Volume>, floodShare: Double) -> Quantity<Volume> {
        totalStorage * floodShare
    }

    /// Marsh flood storage C_m = h · A_m.
    public static func marshStorage(retentionDepth: Quantity<Length>, area: Quantity<Area>) -> Quantity<Volume> {
        retentionDepth * area
    }
}
