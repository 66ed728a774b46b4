import Foundation
import GEPCore

/// The RUSLE slope-length and steepness factor LS of a pixel from its slope, aspect and upslope contributing area:
/// pure functions, called per pixel by ``SlopeLengthSteepnessFromDEM``.
///
/// - S, McCool et al. (1987), Trans. ASAE 30(5):1387–1396: S = 10.8·sin θ + 0.03 where the slope is under 9 %,
///   16.8·sin θ − 0.50 elsewhere.
/// - L, Desmet & Govers (1996), J. Soil Water Conserv. 51(5):427–433, eq. 3, the unit-contributing-area form of
///   Foster & Wischmeier's slope length: L = [(A + D²)^(m+1) − A^(m+1)] / [D^(m+2)·x^m·22.13^m], with A the area
///   draining into the pixel (m²), D the pixel size (m), x = |sin α| + |cos α| for the aspect α, and the exponent m
///   by slope class (0.2 to 1 %, 0.3 to 3.5 %, 0.4 to 5 %, 0.5 to 9 %, and β/(1 + β) above, with
///   β = (sin θ/0.0896)/(3·sin^0.8 θ + 0.56), McCool et al. 1989), as InVEST SDR tabulates it.
///
/// InVEST SDR (3.14+) departs from Desmet & Govers in two ways that are not followed here: it uses the square root
/// of the contributing area for A, and |sin θ| + |cos θ| of the slope rather than of the aspect for x.
public enum TerrainKernel {
    /// Slope tangent and the aspect term x = |sin α| + |cos α| from the elevation gradients (m/m).
    public static func slopeAndAspect(dzdx: Double, dzdy: Double) -> (tangent: Double, aspectTerm: Double) {
        let gradient = (dzdx * dzdx + dzdy * dzdy).squareRoot()
        guard gradient > 0 else { return (0, 1) }
        return (gradient, (abs(dzdx) + abs(dzdy)) / gradient)
    }

    /// The slope-steepness factor S of McCool et al. (1987) for a slope of tangent `tangent`.
    public static func steepnessFactor(tangent: Double) -> Double {
        let sine = tangent / (1 + tangent * tangent).squareRoot()
        return tangent < 0.09 ? 10.8 * sine + 0.03 : 16.8 * sine - 0.5
    }

    /// The slope-length exponent m for a slope of tangent `tangent` (classes in percent slope; above 9 %, McCool's
    /// rill-to-interrill ratio form).
    public static func lengthExponent(tangent: Double) -> Double {
        let percent = 100 * tangent
        if percent <= 1 { return 0.2 }
        if percent <= 3.5 { return 0.3 }
        if percent <= 5 { return 0.4 }
        if percent <= 9 { return 0.5 }
        let sine = tangent / (1 + tangent * tangent).squareRoot()
        let beta = (sine / 0.0896) / (3 * pow(sine, 0.8) + 0.56)
        return beta / (1 + beta)
    }

    /// The slope-length factor L of Desmet & Govers (1996) for a pixel of side `pixelSize` (m) into which
    /// `contributingArea` (m²) drains, capped at `cap`.
    public static func lengthFactor(contributingArea a: Double, pixelSize d: Double, exponent m: Double, aspectTerm x: Double,
                                    cap: Double) -> Double {
        let length = (pow(a + d * d, m + 1) - pow(a, m + 1)) / (pow(d, m + 2) * pow(x, m) * pow(22.13, m))
        return min(length, cap)
    }
}
