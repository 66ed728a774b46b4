import GEPCore

/// Land that changed from one ecosystem type to another in one accounting unit over a period: a row of a land-change
/// survey (年度国土变更调查), a burnt stand, a mine, a restoration project.
///
/// Conversions are the off-diagonal cells of the SEEA extent account's conversion matrix (SEEA Ecosystem Accounting,
/// UN 2021, §4.3: "ecosystem conversions"), and the area changes of a scenario.
public struct LandConversion: Sendable, Hashable {
    /// The accounting unit's id.
    public let unit: String
    public let from: EcosystemType
    public let to: EcosystemType
    public let area: Quantity<Area>
    /// Where the converted area comes from: a survey, a fire report, a project document.
    public let provenance: Provenance

    /// - Throws: ``AccountsError/invalidConversion(unit:detail:)`` for a conversion of a type into itself or of an
    ///   area that is not a positive finite number.
    public init(unit: String, from: EcosystemType, to: EcosystemType, area: Quantity<Area>, provenance: Provenance) throws {
        guard from != to else {
            throw AccountsError.invalidConversion(unit: unit, detail: "\(from.rawValue) into itself; a conversion changes the type")
        }
        guard area.baseValue > 0, area.baseValue.isFinite else {
            throw AccountsError.invalidConversion(unit: unit, detail: "an area of \(sixFigures(area.value(in: .hectare))) ha; expected a positive area")
        }
        self.unit = unit
        self.from = from
        self.to = to
        self.area = area
        self.provenance = provenance
    }
}

extension RegionModel {
    /// This model with `conversions` applied to its units' areas: each moves its area from `from` to `to` in its unit.
    /// With `reversed`, each moves its area back from `to` to `from`: the extent before the conversions, when the
    /// model's areas are those after them.
    ///
    /// - Throws: ``AccountsError/unknownUnit(_:region:)`` for a conversion in no unit of the region, and
    ///   ``AccountsError/conversionExceedsArea(unit:type:available:converted:)`` when a unit has less of the type
    ///   given up than the conversions take from it (all conversions of the unit together, in list order).
    public func applying(_ conversions: [LandConversion], reversed: Bool = false) throws -> RegionModel {
        var areas = Dictionary(uniqueKeysWithValues: region.units.map { ($0.id, $0.ecosystemAreas) })
        for conversion in conversions {
            guard var unitAreas = areas[conversion.unit] else { throw AccountsError.unknownUnit(conversion.unit, region: region.id) }
            let (source, target) = reversed ? (conversion.to, conversion.from) : (conversion.from, conversion.to)
            let available = unitAreas[source] ?? .zero
            // A conversion of the whole type (a survey's 1 000 ha against 1 000 ha written in km²) leaves no residue.
            let tolerance = 1e-9 * max(available.baseValue, conversion.area.baseValue)
            guard conversion.area.baseValue <= available.baseValue + tolerance else {
                throw AccountsError.conversionExceedsArea(unit: conversion.unit, type: source, available: available, converted: conversion.area)
            }
            unitAreas[source] = Quantity(baseValue: max(0, available.baseValue - conversion.area.baseValue))
            unitAreas[target] = (unitAreas[target] ?? .zero) + conversion.area
            areas[conversion.unit] = unitAreas
        }
        let units = try region.units.map { unit in
            try AccountingUnit(id: unit.id, name: unit.name, localName: unit.localName,
                               ecosystemAreas: areas[unit.id] ?? unit.ecosystemAreas, population: unit.population)
        }
        return with(region: try Region(id: region.id, name: region.name, localName: region.localName, units: units))
    }

    /// This model with another region (other units or areas), inputs or report year, everything else kept.
    func with(region: Region, regionInputs: Inputs? = nil, unitInputs: [String: Inputs]? = nil, reportYear: Int? = nil) -> RegionModel {
        RegionModel(region: region, year: year, reportYear: reportYear ?? self.reportYear, services: services,
                    regionInputs: regionInputs ?? self.regionInputs, unitInputs: unitInputs ?? self.unitInputs, areaProvenance: areaProvenance,
                    facts: facts, prices: prices, deflator: deflator, extraServices: extraServices, servicesNotRun: servicesNotRun)
    }
}
