import GEPCore

/// A stated change to a region model — land converted (a fire, a mine, a restoration project, a land-use change) and
/// inputs changed or added — to value against the unchanged model: a damage claim, a project appraisal.
public struct Scenario: Sendable {
    public let name: String
    public let conversions: [LandConversion]
    /// Inputs that differ from the base model's, each with its source: a single value replaces the base's; values by
    /// ecosystem type replace the base's values of those types only (a burnt area's evapotranspiration added to the
    /// forests' of the base). They apply region-wide and over any unit's own value of the same input.
    public let inputs: [Input]
    /// How a change of the yearly flows becomes a change of asset value.
    public let valuation: AssetValuation
    /// Years over which the changed flows return linearly to the base's; nil when the change lasts the asset life.
    public let recoveryYears: Int?

    /// - Throws: ``AccountsError/invalidValuation(_:)`` for a recovery period of less than a year.
    public init(name: String, conversions: [LandConversion], inputs: [Input], valuation: AssetValuation, recoveryYears: Int?) throws {
        if let recoveryYears, recoveryYears < 1 {
            throw AccountsError.invalidValuation("a recovery period of \(recoveryYears) years; expected at least 1 year")
        }
        self.name = name
        self.conversions = conversions
        self.inputs = inputs
        self.valuation = valuation
        self.recoveryYears = recoveryYears
    }

    /// `base` with the scenario's conversions and inputs applied.
    ///
    /// - Throws: the errors of ``RegionModel/applying(_:reversed:)``.
    public func apply(to base: RegionModel) throws -> RegionModel {
        let converted = try base.applying(conversions)
        var regionInputs = converted.regionInputs
        var unitInputs = converted.unitInputs
        for change in inputs {
            regionInputs.set(change.overlaying(regionInputs[change.key]))
            for (unit, own) in unitInputs {
                if let existing = own[change.key] { unitInputs[unit]?.set(change.overlaying(existing)) }
            }
        }
        return converted.with(region: converted.region, regionInputs: regionInputs, unitInputs: unitInputs)
    }
}

extension Input {
    /// This change laid over `base`: a single value replaces it; values by type replace those types' values and keep
    /// the others (a single base value standing for every type). The change's provenance is kept.
    func overlaying(_ base: Input?) -> Input {
        guard case let .byEcosystemType(changed) = value, let base else { return self }
        var merged: [EcosystemType: Measure]
        switch base.value {
        case let .single(measure): merged = Dictionary(uniqueKeysWithValues: EcosystemType.allCases.map { ($0, measure) })
        case let .byEcosystemType(values): merged = values
        }
        merged.merge(changed) { _, new in new }
        return Input(key, .byEcosystemType(merged), provenance: provenance, uncertainty: uncertainty)
    }
}

/// A scenario's full account against the base model's, service by service and unit by unit, with the change of asset
/// value: the loss (or gain) a damage claim or an appraisal states.
public struct ScenarioComparison: Sendable {
    public let scenario: Scenario
    public let base: AccountRun
    public let changed: AccountRun

    /// Runs both full accounts.
    ///
    /// - Throws: the errors of ``Scenario/apply(to:)`` and of either account run.
    /// - Throws: also ``AccountsError/missingScenarioInput(input:ecosystemType:service:)`` when the scenario converts
    ///   land to a type the base model gives a service's input for no value of, and the scenario does not give it.
    public init(scenario: Scenario, base model: RegionModel, registry: ServiceRegistry) throws {
        self.scenario = scenario
        base = try model.run(with: registry)
        do {
            changed = try scenario.apply(to: model).run(with: registry)
        } catch let InputError.missingForEcosystemType(input, type, service, _)
                    where scenario.conversions.contains(where: { $0.to.rawValue == type }) && !model.region.units.contains(where: { unit in
                        unit.ecosystemTypes.contains { $0.rawValue == type } }) {
            throw AccountsError.missingScenarioInput(input: input, ecosystemType: type, service: service)
        }
    }

    /// The change of GEP, scenario less base, in 元 at report-year prices.
    public var gepChangeYuan: Double { changed.account.gep.yuan - base.account.gep.yuan }

    /// The change of one service's value in one unit (nil: the whole region), scenario less base.
    public func valueChangeYuan(of service: ServiceID, unit: String? = nil) -> Double {
        guard let unit else { return changed.account.value(of: service).yuan - base.account.value(of: service).yuan }
        return changed.account.value(of: service, unit: unit).yuan - base.account.value(of: service, unit: unit).yuan
    }

    /// The present value of the change of GEP: the yearly change × the valuation's present-value factor (over the
    /// recovery period when there is one, else over the asset life), at `rate` (the stated rate when nil).
    public func assetChangeYuan(rate: Double? = nil) -> Double {
        gepChangeYuan * scenario.valuation.presentValueFactor(recoveryYears: scenario.recoveryYears, rate: rate)
    }
}
