import Foundation
import GEPCore

/// Flood regulation (洪水调蓄): the flood water that lakes, reservoirs and marshes can hold, valued at what the
/// same reservoir storage would cost to build.
///
/// Physical model (Garzê eqs. 8–10, after 饶恩明 et al., 生态学报 2014, 34(21): 6225–6231):
/// - lakes: C_l = e^a · A_l^b · T (10⁴ m³), with A_l the lake area (km²), T the turnover (times per year) and a, b
///   regional coefficients (a = 6.636, b = 0.678 for the Tibetan plateau; other regions need their own);
/// - reservoirs: C_r = f · C_t, the flood-control share f (0.35 in Garzê) of the total storage C_t;
/// - marshes: C_m = h · A_m, the surface-retention depth h (0.3 m in Garzê) over the marsh area.
///
/// Value: V = (C_l + C_r + C_m) · C_res, the reservoir construction cost per m³.
///
/// Double counting: the guideline reports flood regulation beside water conservation; where a model's rule
/// forbids summing them, leave this service out of the total with `Account(excludedFromTotal:)`.
///
/// Inputs for a water body are needed only when the unit has that water body.
public struct FloodRegulation: EcosystemService {
    public let id: ServiceID = "flood-regulation"
    public let name = "flood regulation"
    public let localName = "洪水调蓄"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "m³"
    public let methods = [ServiceMethod(
        id: "storage-capacity",
        formula: "C_l = e^a·A_l^b·T (10⁴ m³, A_l in km²); C_r = f·C_t; C_m = h·A_m; V = (C_l + C_r + C_m)·C_res",
        source: "GEP technical guideline (2020), flood regulation; Garzê (生态学报 2017, 37(19)) §2.4.4; 饶恩明 et al., 生态学报 2014, 34(21)",
        inputs: [
            InputRequirement("lake-storage-coefficient", "lake model coefficient a (ln of 10⁴ m³)", dimension: Ratio.self,
                             domain: .any, isOptional: true),
            InputRequirement("lake-storage-exponent", "lake model exponent b on area in km²", dimension: Ratio.self,
                             domain: .positive, isOptional: true),
            InputRequirement("lake-turnover", "lake water turnover T (times per year)", dimension: Ratio.self, isOptional: true),
            InputRequirement("reservoir-total-storage", "total reservoir storage C_t", dimension: Volume.self, isOptional: true),
            InputRequirement("reservoir-flood-share", "flood-control share of reservoir storage f", dimension: Ratio.self,
                             domain: .fraction, isOptional: true),
            InputRequirement("marsh-retention-depth", "surface-retention depth of marshes h (m)", dimension: Length.self, isOptional: true),
        ],
        prices: [PriceRequirement("reservoir-construction-cost", "reservoir construction cost per m³ of storage", per: Volume.self)]
    )]

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        func needed(_ keys: [String]) throws {
            let missing = keys.filter { !inputs.has($0) }
            if !missing.isEmpty { throw InputError.missing(inputs: missing, service: id.rawValue, unit: unit.id) }
        }
        let lakeArea = unit.area(of: .lake)
        var lake = Quantity<Volume>.zero
        if lakeArea.baseValue > 0 {
            try needed(["lake-storage-coefficient", "lake-storage-exponent", "lake-turnover"])
            lake = FloodRegulation.lakeStorage(area: lakeArea, coefficient: try inputs.ratio("lake-storage-coefficient"),
                                               exponent: try inputs.ratio("lake-storage-exponent"),
                                               turnover: try inputs.ratio("lake-turnover"))
        }
        var reservoir = Quantity<Volume>.zero
        if unit.area(of: .reservoir).baseValue > 0 || inputs.has("reservoir-total-storage") {
            try needed(["reservoir-total-storage", "reservoir-flood-share"])
            reservoir = try inputs.quantity("reservoir-total-storage", Volume.self) * (try inputs.ratio("reservoir-flood-share"))
        }
        var marsh = Quantity<Volume>.zero
        if unit.area(of: .marsh).baseValue > 0 {
            try needed(["marsh-retention-depth"])
            marsh = try inputs.quantity("marsh-retention-depth", Length.self) * unit.area(of: .marsh)
        }
        let price = try prices.unitPrice("reservoir-construction-cost", Volume.self)
        let lines = [("lake-storage", "lake flood storage", lake), ("reservoir-storage", "reservoir flood storage", reservoir),
                     ("marsh-storage", "marsh flood storage", marsh)].map { id, label, volume in
            ValuedLine(id: id, label: label, quantity: volume, price: price, priceKey: "reservoir-construction-cost")
        }
        let total = lake + reservoir + marsh
        let byType = [EcosystemType.lake: lake, .reservoir: reservoir, .marsh: marsh].filter { $0.value.baseValue > 0 }
        return result(for: unit, method: method, physical: PhysicalAmount(total, in: .cubicMetre, byEcosystemType: byType),
                      lines: lines)
    }

    /// Lake flood storage C_l = e^a · A^b · T, in 10⁴ m³ for A in km² (饶恩明 et al. 2014).
    public static func lakeStorage(area: Quantity<Area>, coefficient a: Double, exponent b: Double, turnover t: Double) -> Quantity<Volume> {
        Quantity(exp(a) * pow(area.value(in: .squareKilometre), b) * t, .tenThousandCubicMetres)
    }
}
