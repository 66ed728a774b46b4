import Foundation
import GEPCore

/// RUSLE soil erodibility K per pixel from topsoil texture and organic carbon, by the EPIC formula, for raster
/// models that have texture grids (the HWSD, SoilGrids or a provincial soil survey) but no K grid.
///
/// K_EPIC = f_csand · f_cl-si · f_orgc · f_hisand, with sand SAN, silt SIL, clay CLA and organic carbon C in %:
/// - f_csand = 0.2 + 0.3·exp[−0.0256·SAN·(1 − SIL/100)] (coarse sand: high K for low-silt sands is reduced),
/// - f_cl-si = [SIL/(CLA + SIL)]^0.3,
/// - f_orgc = 1 − 0.25·C/[C + exp(3.72 − 2.95·C)],
/// - f_hisand = 1 − 0.7·SN₁/[SN₁ + exp(−5.51 + 22.9·SN₁)], SN₁ = 1 − SAN/100;
/// K_EPIC is in US customary units (short ton·acre·h/(100·acre·ft·tonf·in)), and K = 0.1317·K_EPIC in
/// t·ha·h/(ha·MJ·mm), the unit the soil-retention service reads.
///
/// Source: Williams J.R., Sharpley A.N. (eds.), EPIC — Erosion/Productivity Impact Calculator, USDA Technical
/// Bulletin 1768 (1990), and Williams J.R., The EPIC model, in Singh V.P. (ed.), Computer Models of Watershed
/// Hydrology (1995), pp. 909–1000; the conversion factor 0.1317 and its use in Chinese GEP work as in 张科利 等,
/// 地理学报 2007, 62(10) (who also propose a regression correction for Chinese soils, not applied here).
public struct ErodibilityFromTexture: GridDerivation {
    public let id = "epic-erodibility"
    public let output = SoilRetention.Keys.soilErodibility.name
    public let outputUnit = "t·ha·h/(ha·MJ·mm)"
    public let formula = "K = 0.1317·f_csand·f_cl-si·f_orgc·f_hisand (EPIC), texture and organic carbon in %"
    public let source = "Williams, The EPIC model (1995); Sharpley & Williams, USDA Tech. Bull. 1768 (1990); 0.1317 to SI units"
    public let reach = GridDerivationReach.pixel
    public let operands = [
        GridOperand("sand", "topsoil sand content", unit: "%"),
        GridOperand("silt", "topsoil silt content", unit: "%"),
        GridOperand("clay", "topsoil clay content", unit: "%"),
        GridOperand("organic-carbon", "topsoil organic carbon content", unit: "%"),
    ]

    public init() {}

    /// K from the EPIC formula (see the type's documentation), in t·ha·h/(ha·MJ·mm).
    ///
    /// - Throws: ``KernelRejection`` when a content is outside 0–100 %, sand, silt and clay sum above 100 %, or
    ///   silt and clay are both zero (f_cl-si undefined).
    public static func erodibility(sand: Double, silt: Double, clay: Double, organicCarbon: Double) throws(KernelRejection) -> Double {
        for (name, value) in [("sand", sand), ("silt", silt), ("clay", clay), ("organic-carbon", organicCarbon)] where !(0...100).contains(value) {
            throw KernelRejection(input: name, value: value, expected: "a content from 0 to 100 %")
        }
        guard sand + silt + clay <= 100 + 1e-6 else {
            throw KernelRejection(input: "sand", value: sand, expected: "sand, silt and clay together at most 100 % (silt \(sixFigures(silt)), clay \(sixFigures(clay)))")
        }
        guard silt + clay > 0 else {
            throw KernelRejection(input: "silt", value: silt, expected: "silt and clay not both 0 % (f_cl-si is SIL/(CLA + SIL))")
        }
        let coarseSand = 0.2 + 0.3 * exp(-0.0256 * sand * (1 - silt / 100))
        let clayToSilt = pow(silt / (clay + silt), 0.3)
        let carbon = 1 - 0.25 * organicCarbon / (organicCarbon + exp(3.72 - 2.95 * organicCarbon))
        let nonSand = 1 - sand / 100
        let highSand = 1 - 0.7 * nonSand / (nonSand + exp(-5.51 + 22.9 * nonSand))
        return 0.1317 * coarseSand * clayToSilt * carbon * highSand
    }

    public func derive(_ input: GridDerivationInput) throws(DerivationRejection) -> [Double] {
        let sand = input[0], silt = input[1], clay = input[2], carbon = input[3]
        var result = [Double](repeating: 0, count: input.pixelCount)
        for i in 0..<input.pixelCount where !input.missing[i] {
            do {
                result[i] = try Self.erodibility(sand: sand[i], silt: silt[i], clay: clay[i], organicCarbon: carbon[i])
            } catch { throw DerivationRejection(pixel: i, error) }
        }
        return result
    }
}
