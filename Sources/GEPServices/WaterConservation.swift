import GEPCore

/// Water conservation (水源涵养): the precipitation an ecosystem keeps rather than losing it to storm runoff or
/// evapotranspiration, valued at what reservoir storage of the same volume would cost.
///
/// Physical model (water balance), for each ecosystem type i of the unit:
///
///     Q = Σᵢ Aᵢ · (Pᵢ − Rᵢ − ETᵢ),  Rᵢ = Pᵢ · αᵢ when the storm runoff depth is not given
///
/// - Aᵢ: area of type i (m²); Pᵢ: annual precipitation (mm); Rᵢ: storm runoff (暴雨径流量, mm);
///   αᵢ: storm-runoff coefficient (0–1); ETᵢ: actual evapotranspiration (mm); Q in m³ (1 mm over 1 km² = 10³ m³).
///
/// Value: V = Q · C_res, with C_res the construction cost of reservoir storage (元/m³; 7.06 元/m³ at 2010 prices in
/// the Garzê table, after LY/T 1721-2008).
///
/// Sources: 《陆地生态系统生产总值（GEP）核算技术指南》 (2020), water conservation; the same balance is
/// G = 10·A·(P − E − C) in GB/T 38582-2020 for forest stands (A in hm²); worked example: 白玛卓嘎 et al., 生态学报
/// 2017, 37(19): 6302–6312, §2.4.1, doi:10.5846/stxb201607011362.
///
/// Domain rules: storm runoff larger than precipitation is rejected. Evapotranspiration larger than P − R is
/// rejected on land, where it would mean water appearing from nowhere; on lakes, rivers and marshes, which are
/// fed by inflow, the type contributes zero and the result carries a warning.
public struct WaterConservation: EcosystemService {
    public let id: ServiceID = "water-conservation"
    public let name = "water conservation"
    public let localName = "水源涵养"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "m³"
    public let methods = [ServiceMethod(
        id: "water-balance",
        formula: "Q = Σᵢ Aᵢ·(Pᵢ − Rᵢ − ETᵢ), Rᵢ = Pᵢ·αᵢ where R is not given; V = Q·C_res",
        source: "GEP technical guideline (2020), water conservation; GB/T 38582-2020 water regulation; Garzê (生态学报 2017, 37(19)) §2.4.1",
        inputs: [
            InputRequirement("precipitation", "annual precipitation P (mm)", dimension: Length.self, scope: .perEcosystemType),
            InputRequirement("evapotranspiration", "annual actual evapotranspiration ET (mm)", dimension: Length.self, scope: .perEcosystemType),
            InputRequirement("storm-runoff", "annual storm runoff R (mm); if absent, R = P·α", dimension: Length.self,
                             scope: .perEcosystemType, isOptional: true),
            InputRequirement("runoff-coefficient", "storm-runoff coefficient α (0–1), used when R is absent", dimension: Ratio.self,
                             scope: .perEcosystemType, domain: .fraction, isOptional: true),
        ],
        prices: [PriceRequirement("reservoir-construction-cost", "reservoir construction cost per m³ of storage C_res", per: Volume.self)]
    )]

    public init() {}

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        guard inputs.has("storm-runoff") || inputs.has("runoff-coefficient") else {
            throw InputError.missing(inputs: ["storm-runoff or runoff-coefficient"], service: id.rawValue, unit: unit.id)
        }
        var warnings: [String] = []
        let retained = try PerEcosystemType(unit.types(excluding: [])) { type -> Quantity<Volume> in
            let p = try inputs.quantity("precipitation", Length.self, for: type)
            let et = try inputs.quantity("evapotranspiration", Length.self, for: type)
            let r = inputs.has("storm-runoff")
                ? try inputs.quantity("storm-runoff", Length.self, for: type)
                : p * (try inputs.ratio("runoff-coefficient", for: type))
            try inputs.require(r <= p, "storm-runoff[\(type.rawValue)]", value: r.value(in: .millimetre),
                               expected: "at most the precipitation, \(sixFigures(p.value(in: .millimetre))) mm")
            let depth = WaterConservation.retainedDepth(precipitation: p, stormRunoff: r, evapotranspiration: et)
            if depth.baseValue >= 0 { return depth * unit.area(of: type) }
            let balance = "ET \(sixFigures(et.value(in: .millimetre))) mm exceeds P − R = \(sixFigures((p - r).value(in: .millimetre))) mm"
            guard [.water, .wetland].contains(type.group) else {
                throw InputError.outOfRange(input: "evapotranspiration[\(type.rawValue)]", service: id.rawValue, unit: unit.id,
                                            value: et.value(in: .millimetre),
                                            expected: "at most P − R = \(sixFigures((p - r).value(in: .millimetre))) mm on land")
            }
            warnings.append("\(type.rawValue): \(balance) (inflow-fed evaporation); counted as zero water conservation")
            return .zero
        }
        let price = try prices.unitPrice("reservoir-construction-cost", Volume.self)
        let line = ValuedLine(id: "water-retained", label: "water retained", quantity: retained.total,
                              byEcosystemType: retained.byType, price: price, priceKey: "reservoir-construction-cost")
        return result(for: unit, method: method,
                      physical: PhysicalAmount(retained.total, in: .cubicMetre, byEcosystemType: retained.byType),
                      lines: [line], warnings: warnings)
    }

    /// The water-balance depth kept by one ecosystem type, P − R − ET (negative when ET exceeds P − R).
    public static func retainedDepth(precipitation: Quantity<Length>, stormRunoff: Quantity<Length>,
                                     evapotranspiration: Quantity<Length>) -> Quantity<Length> {
        precipitation - stormRunoff - evapotranspiration
    }
}
